#!/usr/bin/env bash
# Boots an image made by deploy/vm/image.sh in QEMU with software emulation (TCG; no KVM needed):
#   deploy/vm/boot.sh DIR [--disk FILE] [--run RUNDIR] [--mem MB] [--smp N] [--incoming STATE] [--foreground]
# A 1920x1080 display (bochs-display on amd64, virtio-gpu on arm64), a virtio keyboard at PCI slot 5 (the
# image's kiosk.json reads /dev/input/by-path/pci-0000:00:05.0-event-kbd), the virtio disk, user networking
# closed to the outside (restrict=on) with the guest's sshd on a free 127.0.0.1 port, and a QMP socket for
# screendumps (format png), keys (input-send-event) and the power (quit = the plug pulled).
# The display is named video0: a keyboard hot-plugged with display=video0 (device_add virtio-keyboard-pci,
# ...,display=video0) is bound to it, and input-send-event with "device": "video0" goes to that keyboard only;
# keys sent without a device go to the boot keyboard (QEMU skips bound keyboards for unrouted input).
#
# --disk boots another copy of DIR/disk.img (tests boot copies, so the built image stays as built). QEMU runs
# in the background; the script prints, one per line, what a test needs:
#   ssh_port=PORT  qmp=SOCKET  serial=LOG  pid=PID  run=RUNDIR
# and writes the same lines to RUNDIR/vm.env. --foreground waits for QEMU instead (Ctrl-C ends it).
# --incoming resumes a machine saved with QMP migrate to "exec:cat > STATE" (with the disk as it was then):
# a running kiosk in seconds instead of a boot, which is how the power-cut test affords many cuts.
# Stop it with the QMP command quit, or kill PID (both are a power cut to the guest).
set -euo pipefail

[ $# -ge 1 ] || { sed -n '2,3p' "$0" | sed 's/^# //' >&2; exit 2; }
dir="$(cd "$1" && pwd)"; shift
disk="$dir/disk.img"
run=""
mem=1536
smp=2
foreground=no
incoming=""
while [ $# -gt 0 ]; do
  case "$1" in
    --disk) disk="$2"; shift 2 ;;
    --run) run="$2"; shift 2 ;;
    --mem) mem="$2"; shift 2 ;;
    --smp) smp="$2"; shift 2 ;;
    --incoming) incoming="$2"; shift 2 ;;
    --foreground) foreground=yes; shift ;;
    *) echo "boot.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
for f in vmlinuz initrd.img cmdline arch; do
  [ -f "$dir/$f" ] || { echo "boot.sh: $dir/$f missing: build the image with deploy/vm/image.sh -o $dir" >&2; exit 1; }
done
[ -f "$disk" ] || { echo "boot.sh: $disk not found" >&2; exit 1; }
[ -n "$run" ] || run="$(mktemp -d /tmp/kiosk-vm.XXXXXX)"
mkdir -p "$run"
run="$(cd "$run" && pwd)"
rm -f "$run/qmp.sock" "$run/serial.log" "$run/qemu.pid" "$run/vm.env"

arch="$(cat "$dir/arch")"
case "$arch" in
  amd64)
    qemu=(qemu-system-x86_64 -machine pc -cpu max -vga none
      -device bochs-display,id=video0,xres=1920,yres=1080,addr=0x2) ;;
  arm64)
    # cortex-a72 rather than max: TCG's emulated pointer authentication makes max several times slower.
    qemu=(qemu-system-aarch64 -machine virt -cpu cortex-a72
      -device virtio-gpu-pci,id=video0,xres=1920,yres=1080,addr=0x2) ;;
  *) echo "boot.sh: unknown arch '$arch' in $dir/arch" >&2; exit 1 ;;
esac
command -v "${qemu[0]}" >/dev/null || { echo "boot.sh: ${qemu[0]} not found: run deploy/setup.sh" >&2; exit 1; }

qemu+=(-accel tcg -smp "$smp" -m "$mem" -nodefaults -display none
  -kernel "$dir/vmlinuz" -initrd "$dir/initrd.img" -append "$(cat "$dir/cmdline")"
  -drive "file=$disk,format=raw,if=none,id=root,cache=writeback"
  -device virtio-blk-pci,drive=root,addr=0x3
  -device virtio-keyboard-pci,addr=0x5
  -qmp "unix:$run/qmp.sock,server=on,wait=off"
  -serial "file:$run/serial.log")
[ -z "$incoming" ] || qemu+=(-incoming "exec:cat '$incoming'")

# A free loopback port for the guest's sshd: pick one nobody listens on; should another process take it
# in the moment before QEMU binds it, QEMU fails and the next port is tried.
for attempt in 1 2 3 4 5 6 7 8; do
  port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
  [ -z "$(ss -Hltn "sport = :$port" 2>/dev/null)" ] || continue
  net=(-netdev "user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:$port-:22" -device "virtio-net-pci,netdev=n0,addr=0x4")
  if [ "$foreground" = yes ]; then
    echo "ssh_port=$port qmp=$run/qmp.sock serial=$run/serial.log" >&2
    exec "${qemu[@]}" "${net[@]}"
  fi
  if "${qemu[@]}" "${net[@]}" -daemonize -pidfile "$run/qemu.pid" 2>"$run/qemu.err"; then
    {
      echo "ssh_port=$port"
      echo "qmp=$run/qmp.sock"
      echo "serial=$run/serial.log"
      echo "pid=$(cat "$run/qemu.pid")"
      echo "run=$run"
    } > "$run/vm.env"
    cat "$run/vm.env"
    exit 0
  fi
  grep -qi "could not set up host forwarding\|address already in use" "$run/qemu.err" || { cat "$run/qemu.err" >&2; exit 1; }
done
echo "boot.sh: no free port for ssh after 8 tries" >&2
exit 1
