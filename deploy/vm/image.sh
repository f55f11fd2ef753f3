#!/usr/bin/env bash
# Builds the system tests' appliance: a minimal Debian trixie with the published kiosk installed by the real
# deploy/install.sh, booting straight to the exhibit (no login, no network needed).
#   deploy/vm/image.sh [--arch amd64|arm64] [--kiosk DIR|TARBALL] [--content-key FILE.pub] [--admin-key FILE.pub]
#                      [--trusted-key SIGNER.pub] [--size MB] -o DIR
# writes DIR/disk.img (raw ext4, the whole root file system), DIR/vmlinuz, DIR/initrd.img, DIR/cmdline (kernel
# command line, root on the virtio disk), DIR/arch, and when no key is given DIR/content_key{,.pub} and
# DIR/admin_key{,.pub} (made for this build). deploy/vm/boot.sh DIR boots it.
#
# --kiosk defaults to artifacts/kiosk-linux-x64.tar.gz (arm64: -linux-arm64), from deploy/publish.sh.
# --admin-key goes into root's authorized_keys: the test's way in to read the journal and freeze the kiosk;
# the content key goes in through install.sh exactly as on a Pi.
# --trusted-key (a NAME.pub from `kiosk keygen`) goes in through install.sh --trusted-key: the kiosk then takes
# only packs signed by it. Without it the image is installed with --allow-unsigned (a proof image, not a site's).
#
# The build is cached: DIR/inputs.sha256 is a hash of this script, install.sh, kiosk.service, the published
# kiosk's files (by content, not time) and the options; when it matches, nothing is rebuilt.
# Needs root (mmdebstrap's root mode, and mkfs.ext4 -d keeps owners only for root) and deb.debian.org.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

arch=amd64
kiosk=""
content_key=""
admin_key=""
trusted_key=""
out=""
size_mb=""
mirror="${KIOSK_VM_MIRROR:-http://deb.debian.org/debian}"

usage() {
  sed -n '4,6p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) [ $# -ge 2 ] || usage; arch="$2"; shift 2 ;;
    --kiosk) [ $# -ge 2 ] || usage; kiosk="$2"; shift 2 ;;
    --content-key) [ $# -ge 2 ] || usage; content_key="$2"; shift 2 ;;
    --admin-key) [ $# -ge 2 ] || usage; admin_key="$2"; shift 2 ;;
    --trusted-key) [ $# -ge 2 ] || usage; trusted_key="$2"; shift 2 ;;
    --size) [ $# -ge 2 ] || usage; size_mb="$2"; shift 2 ;;
    -o) [ $# -ge 2 ] || usage; out="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "image.sh: unknown argument: $1" >&2; usage ;;
  esac
done
[ -n "$out" ] || { echo "image.sh: -o DIR is required" >&2; usage; }
case "$arch" in
  amd64) rid=linux-x64; kernel_pkg=linux-image-amd64; console=ttyS0; gpu_module=bochs ;;
  arm64) rid=linux-arm64; kernel_pkg=linux-image-arm64; console=ttyAMA0; gpu_module=virtio_gpu ;;
  *) echo "image.sh: --arch must be amd64 or arm64, not '$arch'" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "image.sh: run as root (mmdebstrap and mkfs.ext4 -d need it to keep file owners)" >&2; exit 1; }
for tool in mmdebstrap mkfs.ext4 ssh-keygen; do
  command -v "$tool" >/dev/null || { echo "image.sh: $tool not found: run deploy/setup.sh" >&2; exit 1; }
done

[ -n "$kiosk" ] || kiosk="$repo/artifacts/kiosk-$rid.tar.gz"
[ -e "$kiosk" ] || { echo "image.sh: $kiosk not found: run deploy/publish.sh $rid first" >&2; exit 1; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$out/work"

# The published kiosk as a folder, so its hash is of file contents, not of a tarball's timestamps.
rm -rf "$work"
mkdir -p "$work"
if [ -d "$kiosk" ]; then
  cp -a "$kiosk" "$work/kiosk"
else
  mkdir -p "$work/unpack"
  tar -C "$work/unpack" -xzf "$kiosk"
  mv "$work/unpack"/* "$work/kiosk"
fi
[ -x "$work/kiosk/kiosk" ] || { echo "image.sh: $kiosk holds no kiosk executable" >&2; exit 1; }
# The scripts and unit come from this checkout, so a change to them is tested even with an older publish.
cp "$repo/deploy/install.sh" "$repo/deploy/kiosk.service" "$work/kiosk/"

hash="$( {
  echo "arch=$arch size=$size_mb mirror=$mirror"
  sha256sum "$0" "$here/kiosk-vm.json" "$here/guest-setup.sh" | cut -d' ' -f1
  [ -z "$content_key" ] || sha256sum < "$content_key"
  [ -z "$admin_key" ] || sha256sum < "$admin_key"
  [ -z "$trusted_key" ] || { echo "trusted=$(basename "$trusted_key")"; sha256sum < "$trusted_key"; }
  (cd "$work/kiosk" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
} | sha256sum | cut -d' ' -f1)"
if [ -f "$out/inputs.sha256" ] && [ "$(cat "$out/inputs.sha256")" = "$hash" ] && [ -f "$out/disk.img" ]; then
  rm -rf "$work"
  echo "image.sh: $out is up to date ($hash)" >&2
  exit 0
fi
rm -f "$out/inputs.sha256"

# Keys made for this build when none is given: the tests read them from DIR.
if [ -z "$content_key" ]; then
  rm -f "$out/content_key" "$out/content_key.pub"
  ssh-keygen -q -t ed25519 -N '' -C kiosk-vm-content -f "$out/content_key"
  content_key="$out/content_key.pub"
fi
if [ -z "$admin_key" ]; then
  rm -f "$out/admin_key" "$out/admin_key.pub"
  ssh-keygen -q -t ed25519 -N '' -C kiosk-vm-admin -f "$out/admin_key"
  admin_key="$out/admin_key.pub"
fi
cp "$content_key" "$work/content_key.pub"
cp "$admin_key" "$work/admin_key.pub"
cp "$here/kiosk-vm.json" "$work/kiosk.json"
cp "$here/guest-setup.sh" "$work/guest-setup.sh"
mkdir -p "$work/trusted-keys"
[ -z "$trusted_key" ] || cp "$trusted_key" "$work/trusted-keys/"

# An initramfs-tools hook, not a line in /etc/initramfs-tools/modules: that file is the package's conffile,
# and one written before the package is installed would stop dpkg with a question.
cat > "$work/kiosk-gpu" <<HOOK
#!/bin/sh
# Written by the kiosk's deploy/vm/image.sh: the display's driver in the initramfs, loaded before systemd starts.
[ "\$1" = prereqs ] && exit 0
. /usr/share/initramfs-tools/hook-functions
force_load $gpu_module
HOOK

# Modules the emulated PC makes udev load that an exhibit never uses (the host's virtualisation, a floppy drive,
# a PC speaker, wireless regulation, VMware sockets, the CPU's crypto extensions): each load under TCG costs
# emulated CPU while the kiosk starts beside it. Rig-only; a Pi's module set is its own. In place before the
# kernel package, so the initramfs gets it too.
cat > "$work/kiosk-vm-unused.conf" <<'CONF'
# Written by the kiosk's deploy/vm/image.sh: modules the emulated PC brings that the exhibit never uses.
blacklist kvm
blacklist kvm_amd
blacklist kvm_intel
blacklist ccp
blacklist cfg80211
blacklist rfkill
blacklist floppy
blacklist pcspkr
blacklist psmouse
blacklist serio_raw
blacklist vmw_vmci
blacklist vmw_vsock_vmci_transport
blacklist vmw_vsock_virtio_transport_common
blacklist vsock_loopback
blacklist efi_pstore
blacklist aesni_intel
blacklist ghash_clmulni_intel
blacklist sha1_ssse3
blacklist sha256_ssse3
blacklist sha512_ssse3
blacklist crct10dif_pclmul
blacklist crc32_pclmul
blacklist i2c_piix4
CONF

started=$(date +%s)
rootfs="$work/rootfs"
# The display's driver is loaded from the initramfs, so /dev/dri/card0 exists when systemd starts. Left to udev,
# QEMU's bochs-drm came 5.6 s after the kiosk's start (24.4 s vs 18.8 s since the kernel started, CI of 1 Dec):
# udev under TCG is that slow to reach it, which measures the emulator, not the kiosk. A Pi loads vc4 through
# udev too (the 'module' subsystem, which udev's coldplug takes first), in about a second on real hardware, and
# the kiosk still waits for a card there when it starts first (DisplayDefault.WaitForCard).
# --variant=apt is the smallest set that still has apt and dpkg; the rest is named here. e2fsprogs so the
# root is checked at boot; libgpiod3 so install.sh finds its GPIO library already there; python3 because
# Ansible's modules run on the target with it (Pi OS Lite ships it), for deploy/ansible/install.yml's system test.
packages=(systemd-sysv udev e2fsprogs "$kernel_pkg" initramfs-tools kmod openssh-server libfontconfig1 libgpiod3 procps python3)
echo "image.sh: Debian trixie $arch from $mirror" >&2
mmdebstrap --quiet --variant=apt --arch="$arch" --include="$(IFS=,; echo "${packages[*]}")" \
  --setup-hook='mkdir -p "$1/etc/initramfs-tools/conf.d"' \
  --setup-hook='printf "/dev/vda / ext4 rw,errors=remount-ro 0 1\n" > "$1/etc/fstab"' \
  --setup-hook='printf "COMPRESS=zstd\n" > "$1/etc/initramfs-tools/conf.d/kiosk-vm"' \
  --setup-hook="mkdir -p \"\$1/etc/initramfs-tools/hooks\" && install -m 0755 '$work/kiosk-gpu' \"\$1/etc/initramfs-tools/hooks/\"" \
  --setup-hook="mkdir -p \"\$1/etc/modprobe.d\" && install -m 0644 '$work/kiosk-vm-unused.conf' \"\$1/etc/modprobe.d/\"" \
  --customize-hook="cp -a '$work/kiosk' \"\$1/tmp/kiosk-install\"" \
  --customize-hook="cp '$work/content_key.pub' '$work/admin_key.pub' '$work/kiosk.json' '$work/guest-setup.sh' \"\$1/tmp/\" && cp -a '$work/trusted-keys' \"\$1/tmp/\"" \
  --customize-hook='chroot "$1" sh /tmp/guest-setup.sh' \
  --customize-hook='rm -rf "$1/tmp/"*' \
  trixie "$rootfs" "$mirror"

kernel="$(ls "$rootfs"/boot/vmlinuz-* | sort -V | tail -n 1)"
initrd="$rootfs/boot/initrd.img-${kernel##*/vmlinuz-}"
[ -f "$initrd" ] || { echo "image.sh: no initrd beside $kernel" >&2; exit 1; }
cp "$kernel" "$out/vmlinuz"
cp "$initrd" "$out/initrd.img"

# Room for packs and the journal beside the system.
used_mb=$(du -sm "$rootfs" | cut -f1)
[ -n "$size_mb" ] || size_mb=$(( used_mb + 768 ))
rm -f "$out/disk.img.new"
mkfs.ext4 -q -F -L kiosk-root -d "$rootfs" "$out/disk.img.new" "${size_mb}M"
mv -f "$out/disk.img.new" "$out/disk.img"

# console=tty1 as on a Pi, so the kiosk has to cover the console; the last console= (the serial port) gets
# systemd's status lines (shown even with quiet) and the login prompt the tests never use. The quiet console
# install.sh gives a Pi, from install.sh itself: without it the kernel drew every boot message on the 1920x1080
# console in software, beside the kiosk's start on the same two emulated CPUs.
pi_tokens="$(sed -n 's/^pi_cmdline_tokens=(\(.*\))$/\1/p' "$repo/deploy/install.sh")"
[ -n "$pi_tokens" ] || { echo "image.sh: no pi_cmdline_tokens in deploy/install.sh" >&2; exit 1; }
echo "root=/dev/vda ro rootfstype=ext4 console=tty1 console=$console panic=5 $pi_tokens systemd.show_status=1" > "$out/cmdline"
echo "$arch" > "$out/arch"
rm -rf "$work"
echo "$hash" > "$out/inputs.sha256"
echo "image.sh: $out/disk.img (${size_mb} MB, $used_mb MB used) in $(( $(date +%s) - started )) s" >&2
