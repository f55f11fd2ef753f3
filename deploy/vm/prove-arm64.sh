#!/usr/bin/env bash
# The appliance for the Pi's architecture, proven once without a Pi: the linux-arm64 kiosk installed into a
# Debian trixie arm64 image by deploy/vm/image.sh --arch arm64, booted under qemu-system-aarch64 -M virt (full
# emulation, no KVM), until its first frame is on the virtio-gpu display; prints the figures and keeps the
# screendump in artifacts/vm/arm64-glass.png. Not part of the test run: it takes several minutes more than amd64.
#   deploy/vm/prove-arm64.sh [--no-publish]
# Needs root: installs qemu-user-static and binfmt-support (mmdebstrap runs the image's arm64 package scripts
# through them), qemu-system-arm and socat (QMP from the shell) when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
publish=yes
[ "${1:-}" = "--no-publish" ] && publish=no
out=artifacts/vm/arm64
run=artifacts/vm/arm64-run

missing=()
for p in qemu-user-static binfmt-support qemu-system-arm socat; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "prove-arm64: installing ${missing[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
arch-test arm64 >/dev/null || update-binfmts --enable qemu-aarch64 || true
arch-test arm64 >/dev/null || { echo "prove-arm64: this machine cannot run arm64 programs through binfmt" >&2; exit 1; }

[ "$publish" = no ] || deploy/publish.sh linux-arm64
started=$(date +%s)
deploy/vm/image.sh --arch arm64 --kiosk artifacts/stage/kiosk-linux-arm64 -o "$out"
built=$(date +%s)

rm -rf "$run"
cp --sparse=always "$out/disk.img" "$out/boot.img"
deploy/vm/boot.sh "$out" --disk "$out/boot.img" --run "$run" > "$run.env" 2>&1 || { cat "$run.env"; exit 1; }
. "$run.env"
booted=$(date +%s)
ssh_() { ssh -i "$out/admin_key" -p "$ssh_port" -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=10 root@127.0.0.1 "$@"; }
ok=no
for _ in $(seq 300); do
  if ssh_ "journalctl -b -u kiosk -o cat | grep -q 'first frame on'" 2>/dev/null; then ok=yes; break; fi
  sleep 5
done
host_frame=$(( $(date +%s) - booted ))
if [ "$ok" = yes ]; then
  ssh_ "journalctl -b -o short-monotonic --no-pager" > "$run/journal.txt"
  python_free_dump() { printf '{"execute":"qmp_capabilities"}\n{"execute":"screendump","arguments":{"filename":"%s","format":"png"}}\n' "$1"; sleep 3; }
  python_free_dump "$(pwd)/artifacts/vm/arm64-glass.png" | socat - "UNIX-CONNECT:$qmp" >/dev/null 2>&1 || true
fi
kill "$pid" 2>/dev/null || true
[ "$ok" = yes ] || { echo "prove-arm64: no first frame within 25 minutes; serial log:" >&2; tail -n 40 "$serial" >&2; exit 1; }

t() { grep -m1 "$1" "$run/journal.txt" | sed -E 's/^\[ *([0-9.]+)\].*/\1/'; }
echo "arm64 (qemu-system-aarch64 -M virt -cpu cortex-a72, TCG, 2 vCPUs): image built in $(( built - started )) s;"
echo "  since the kernel started: kiosk.service starting $(t 'Starting kiosk.service') s, first frame $(t 'first frame on') s, READY $(t 'Started kiosk.service') s, multi-user $(t 'Reached target multi-user.target') s"
echo "  QEMU start -> first frame seen over ssh: ~${host_frame} s; glass: artifacts/vm/arm64-glass.png"
