#!/bin/sh
# Runs inside the image's root (chroot, no systemd running) at the end of deploy/vm/image.sh: the technician's
# steps of the README, then what makes a test VM of it. Files it reads were put in /tmp by image.sh.
set -eu

# The site's settings first: install.sh keeps an existing /etc/kiosk/kiosk.json.
install -d -m 0755 /etc/kiosk
install -m 0644 /tmp/kiosk.json /etc/kiosk/kiosk.json
# Signed packs only, as on a site, when image.sh was given a --trusted-key (the system tests sign every pack
# they push with it); otherwise a proof image that takes unsigned packs.
signing=""
for key in /tmp/trusted-keys/*.pub; do
  [ -e "$key" ] && signing="$signing --trusted-key $key"
done
# shellcheck disable=SC2086 # one word per flag
/tmp/kiosk-install/install.sh --content-key /tmp/content_key.pub ${signing:---allow-unsigned} --no-start

# The tests' way in (journal, systemctl, freezing the kiosk): root with the build's admin key only.
install -d -m 0700 /root/.ssh
install -m 0600 /tmp/admin_key.pub /root/.ssh/authorized_keys
echo kiosk-vm > /etc/hostname

# The one NIC (QEMU user networking) by DHCP, for sshd; nothing waits for it.
cat > /etc/systemd/network/20-wired.network <<'NET'
[Match]
Name=en* eth*
[Network]
DHCP=ipv4
NET
systemctl enable systemd-networkd.service >/dev/null 2>&1
systemctl mask systemd-networkd-wait-online.service >/dev/null 2>&1

# Jobs an exhibit does not need, which would only steal the emulated CPU from the kiosk during the tests.
for unit in apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer e2scrub_all.timer fstrim.timer e2scrub_reap.service; do
  systemctl disable "$unit" >/dev/null 2>&1 || true
done
# A persistent journal, so a power cut's last words can be read from the image on the host.
install -d -m 2755 -g systemd-journal /var/log/journal 2>/dev/null || install -d -m 2755 /var/log/journal

# The tests poll sshd while the machine boots or resumes; OpenSSH 10's per-source penalties would then lock
# the host's one address (QEMU's NAT) out for minutes. A test rig setting, not one for a kiosk on a network.
printf 'PerSourcePenalties no\n' > /etc/ssh/sshd_config.d/kiosk-vm.conf

# Last, so nothing changes /usr after it: the image boots as every boot after a Pi's first one does. A fresh
# image has no /etc/.updated, so every boot of a copy ran ldconfig.service and systemd-update-done.service in
# front of basic.target, and so in front of the kiosk (1.8 s under TCG, systemd-analyze critical-chain).
ldconfig
/usr/lib/systemd/systemd-update-done
