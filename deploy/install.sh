#!/usr/bin/env bash
# Installs a published kiosk on a Raspberry Pi. Run as root from the unpacked artifacts/kiosk-<rid>.tar.gz:
#   sudo ./install.sh --content-key staff_content.pub [--trusted-key museum.pub]... [--allow-unsigned] [--no-start]
#
#   /opt/kiosk/                    the self-contained kiosk, builtin.kpack, this script and the unit
#   kiosk (system user)            in gpio, spi, video, input (missing groups are created)
#   /var/lib/kiosk/packs/          the pack store, the only folder the kiosk may write
#   /etc/kiosk/kiosk.json          example settings, only when absent
#   /etc/kiosk/trusted-keys/       the --trusted-key NAME.pub files (kiosk keygen): packs must be signed by one;
#                                  with none and without --allow-unsigned the kiosk refuses every pack
#   /var/lib/kiosk/.ssh/authorized_keys
#                                  the content key, which can do one thing: kiosk pack receive
#                                  (which also answers `ssh kiosk@HOST status [--json]`)
#   /etc/systemd/system/kiosk.service, enabled and (re)started (in a chroot or image build: enabled only)
#   /etc/udev/rules.d/60-kiosk-devices.rules, and a drop-in that coldplugs the display, GPIO and SPI first at boot
#   Raspberry Pi OS: SPI on, no splash, quiet console without blanking (config.txt, cmdline.txt; see README)
set -euo pipefail

prefix=/opt/kiosk
state=/var/lib/kiosk
config=/etc/kiosk
user=kiosk
groups=(gpio spi video input)
# What a Pi's kernel command line gets (pi_boot_settings below); deploy/vm/image.sh gives its VM the same.
pi_cmdline_tokens=(consoleblank=0 quiet loglevel=3 logo.nologo vt.global_cursor_default=0)
content_key=""
start=yes
allow_unsigned=""
trusted_keys=()

usage() {
  echo "usage: sudo $0 --content-key FILE.pub [--trusted-key SIGNER.pub]... [--allow-unsigned] [--no-start]" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --content-key) [ $# -ge 2 ] || usage; content_key="$2"; shift 2 ;;
    --trusted-key) [ $# -ge 2 ] || usage; trusted_keys+=("$2"); shift 2 ;;
    --allow-unsigned) allow_unsigned=yes; shift ;;
    --no-start) start=no; shift ;;
    -h|--help) usage ;;
    *) echo "install.sh: unknown argument: $1" >&2; usage ;;
  esac
done

[ -n "$content_key" ] || { echo "install.sh: --content-key FILE.pub is required (ssh-keygen -t ed25519 -f staff_content)" >&2; usage; }
[ -r "$content_key" ] || { echo "install.sh: $content_key: no such readable file" >&2; exit 1; }
for k in "${trusted_keys[@]}"; do
  [ -r "$k" ] || { echo "install.sh: $k: no such readable file" >&2; exit 1; }
done
# Signing fails closed: with no signer's key the kiosk refuses every pack, unless the museum says otherwise. A
# device that already trusts a key (a re-install, an update) is not asked again.
if [ ${#trusted_keys[@]} -eq 0 ] && [ -z "$allow_unsigned" ] && [ -t 0 ] && ! ls "$config"/trusted-keys/*.pub >/dev/null 2>&1; then
  read -r -p "install.sh: no --trusted-key given; accept UNSIGNED packs from anyone holding the content key? [y/N] " answer
  case "$answer" in [yY]*) allow_unsigned=yes ;; *) allow_unsigned="" ;; esac
fi
receive_flags=""
if [ -n "$allow_unsigned" ]; then
  receive_flags=" --allow-unsigned"
  echo "install.sh: this kiosk will accept unsigned packs (--allow-unsigned)" >&2
elif [ ${#trusted_keys[@]} -eq 0 ] && ! ls "$config"/trusted-keys/*.pub >/dev/null 2>&1; then
  echo "install.sh: no trusted signing key: every pack will be refused until a NAME.pub is put in $config/trusted-keys/" >&2
fi
# One public key line, of a type sshd knows, and nothing that could smuggle in options of its own.
read -r key_type key_body key_comment < <(grep -v '^[[:space:]]*\(#\|$\)' "$content_key" | head -n 1) || true
case "${key_type:-}" in
  ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh.com|sk-ecdsa-sha2-nistp256@openssh.com) ;;
  *) echo "install.sh: $content_key: not an OpenSSH public key (expected e.g. 'ssh-ed25519 AAAA... comment')" >&2; exit 1 ;;
esac
[[ "$key_body" =~ ^[A-Za-z0-9+/=]+$ ]] || { echo "install.sh: $content_key: the key is not base64" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root (sudo)" >&2; exit 1; }
here="$(cd "$(dirname "$0")" && pwd)"
[ -x "$here/kiosk" ] || { echo "install.sh: $here/kiosk not found: run me from the unpacked kiosk-<rid>.tar.gz" >&2; exit 1; }

# Libraries the self-contained kiosk still takes from the system: Skia needs fontconfig, GPIO needs libgpiod
# (libgpiod3 is v2 on Debian trixie and Pi OS since 2025, libgpiod2 is v1 on bookworm; the kiosk takes either).
if command -v apt-get >/dev/null; then
  installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
  missing=()
  installed libfontconfig1 || missing+=(libfontconfig1)
  if ! installed libgpiod3 && ! installed libgpiod2; then
    if apt-cache show libgpiod3 >/dev/null 2>&1; then missing+=(libgpiod3); else missing+=(libgpiod2); fi
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "install.sh: installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# Raspberry Pi OS only (its boot partition is /boot/firmware): SPI on for the panels, and a boot that shows
# the exhibit rather than the console: no rainbow splash, no blanking after 10 minutes, no boot messages, logo
# or cursor on HDMI.
# Each setting is added once; the old files are kept as .kiosk-orig. Takes effect at the next boot.
pi_boot_settings() {
  local boot=/boot/firmware changed=no
  [ -f "$boot/config.txt" ] && [ -f "$boot/cmdline.txt" ] || return 0
  [ -e "$boot/config.txt.kiosk-orig" ] || cp -p "$boot/config.txt" "$boot/config.txt.kiosk-orig"
  [ -e "$boot/cmdline.txt.kiosk-orig" ] || cp -p "$boot/cmdline.txt" "$boot/cmdline.txt.kiosk-orig"
  local setting
  for setting in dtparam=spi=on disable_splash=1; do
    if ! grep -q "^$setting" "$boot/config.txt"; then
      printf '\n# kiosk (install.sh)\n%s\n' "$setting" >> "$boot/config.txt"
      changed=yes
    fi
  done
  local line token
  line="$(head -n 1 "$boot/cmdline.txt")"
  for token in "${pi_cmdline_tokens[@]}"; do
    case " $line " in *" ${token%%=*}="*|*" $token "*) ;; *) line="$line $token"; changed=yes ;; esac
  done
  printf '%s\n' "$line" > "$boot/cmdline.txt.new" && mv "$boot/cmdline.txt.new" "$boot/cmdline.txt"
  [ "$changed" = no ] || echo "install.sh: Raspberry Pi boot settings changed (SPI on, quiet console); reboot to apply"
}

for g in "${groups[@]}"; do
  getent group "$g" >/dev/null || groupadd --system "$g"
done
if ! id "$user" >/dev/null 2>&1; then
  # A shell, because sshd runs the key's forced command through it; the key allows nothing else.
  useradd --system --home-dir "$state" --no-create-home --shell /bin/sh --user-group "$user"
fi
usermod --append --groups "$(IFS=,; echo "${groups[*]}")" "$user"
# '*' rather than useradd's '!': no password can match either way, but sshd without PAM refuses '!' accounts.
usermod --password '*' "$user"

# Device nodes for the kiosk's groups; Raspberry Pi OS ships the same rules, plain Debian does not.
cat > /etc/udev/rules.d/60-kiosk-devices.rules <<'RULES'
SUBSYSTEM=="gpio", KERNEL=="gpiochip*", GROUP="gpio", MODE="0660"
SUBSYSTEM=="spidev", KERNEL=="spidev*", GROUP="spi", MODE="0660"
RULES
# At boot udev sets those groups (and the display's 'video') only when its coldplug reaches the device: in the
# test VM the kiosk waited 2.6 s for /dev/dri/card0 to leave root's hands, behind every other device. So the
# exhibit's own devices are triggered first, before the distribution's full coldplug (an ExecStartPre, which
# keeps the distribution's own ExecStart and options whatever its systemd version).
install -d -m 0755 /etc/systemd/system/systemd-udev-trigger.service.d
cat > /etc/systemd/system/systemd-udev-trigger.service.d/kiosk-devices-first.conf <<'CONF'
[Service]
ExecStartPre=-udevadm trigger --type=devices --action=add --subsystem-match=drm --subsystem-match=graphics --subsystem-match=gpio --subsystem-match=spidev
CONF
if command -v udevadm >/dev/null; then
  udevadm control --reload || true
  udevadm trigger --subsystem-match=gpio --subsystem-match=spidev || true
fi

# The home belongs to root, so the kiosk (which may write only packs/) cannot swap in its own .ssh.
install -d -o root -g "$user" -m 0750 "$state"
install -d -o "$user" -g "$user" -m 0750 "$state/packs"
install -d -o root -g root -m 0755 "$state/.ssh"
tmp_keys="$(mktemp "$state/.ssh/authorized_keys.XXXXXX")"
printf 'command="%s/kiosk pack receive%s",restrict %s %s %s\n' "$prefix" "$receive_flags" "$key_type" "$key_body" "${key_comment:-kiosk-content}" > "$tmp_keys"
chmod 0644 "$tmp_keys"
mv -f "$tmp_keys" "$state/.ssh/authorized_keys"

install -d -o root -g root -m 0755 "$config" "$config/trusted-keys"
for k in "${trusted_keys[@]}"; do
  install -o root -g root -m 0644 "$k" "$config/trusted-keys/$(basename "$k")"
done
if [ ! -e "$config/kiosk.json" ]; then
  install -o root -g root -m 0644 "$here/kiosk.example.json" "$config/kiosk.json"
fi

# The new build goes in beside the old one and replaces it with renames, so a failed copy changes nothing.
rm -rf "$prefix.new" "$prefix.old"
mkdir -p "$prefix.new"
cp -a "$here/." "$prefix.new/"
chown -R root:root "$prefix.new"
chmod -R go-w "$prefix.new"
if [ -d "$prefix" ]; then
  mv "$prefix" "$prefix.old"
fi
mv "$prefix.new" "$prefix"
rm -rf "$prefix.old"

install -o root -g root -m 0644 "$prefix/kiosk.service" /etc/systemd/system/kiosk.service
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable kiosk.service >/dev/null
  if [ "$start" = yes ]; then
    systemctl restart kiosk.service
    echo "install.sh: kiosk started; systemctl status kiosk, journalctl -u kiosk -f"
  fi
elif command -v systemctl >/dev/null; then
  # An image being built (chroot) or a system booted without systemd: enabling only makes the links,
  # which systemctl does without a running manager; the kiosk starts at the next boot.
  systemctl enable kiosk.service >/dev/null 2>&1
  echo "install.sh: systemd is not running here; kiosk.service is enabled and starts at the next boot" >&2
else
  echo "install.sh: no systemctl here; the unit is in /etc/systemd/system but nothing enables it" >&2
fi

pi_boot_settings

echo "install.sh: done. Push content with: kiosk push PACK $user@$(hostname)"
