#!/usr/bin/env bash
# Proves the Raspberry Pi build runs, without a Pi: the published linux-arm64 kiosk runs under qemu-aarch64
# (Debian qemu-user) on a sysroot of arm64 Debian libraries, verifies builtin.kpack, renders one screen, and
# that PNG is compared with the same screen rendered by the linux-x64 build.
#   deploy/prove-arm64.sh [--no-publish]     (--no-publish: reuse artifacts/kiosk-*.tar.gz)
# Not part of deploy/dev.sh test: it needs apt-get (root or sudo) and a download the first time; then about 30 s
# (the ahead-of-time-compiled kiosk under qemu-user; minutes while it was JIT-compiled).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

publish=yes
[ "${1:-}" = "--no-publish" ] && publish=no
screen="jieyang/3/diagram"
profile="320x240"
work=artifacts/prove-arm64
sysroot=artifacts/arm64-sysroot
# What the self-contained kiosk still loads from the system: glibc, the C++ runtime, fontconfig (linked by
# Skia) and its own dependencies, and OpenSSL (.NET hashes and checks signatures with it). No ICU: the kiosk
# uses InvariantGlobalization.
libs=(libc6 libstdc++6 libgcc-s1 libfontconfig1 libfreetype6 libexpat1 libpng16-16 zlib1g libbrotli1 libuuid1 libssl3)

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

if ! command -v qemu-aarch64 >/dev/null; then
  echo "prove-arm64: installing qemu-user" >&2
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends qemu-user >/dev/null
fi

if [ ! -e "$sysroot/.complete" ]; then
  echo "prove-arm64: arm64 sysroot from Debian packages: ${libs[*]}" >&2
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    $sudo dpkg --add-architecture arm64
    $sudo apt-get update -qq >/dev/null
  fi
  rm -rf "$sysroot" artifacts/arm64-debs
  mkdir -p "$sysroot" artifacts/arm64-debs
  # As root, apt would hand the download to its _apt user, who cannot write into this work tree.
  sandbox=()
  [ "$(id -u)" -ne 0 ] || sandbox=(-o APT::Sandbox::User=root)
  (cd artifacts/arm64-debs && apt-get download -qq "${sandbox[@]}" "${libs[@]/%/:arm64}" >/dev/null) || {
    $sudo apt-get update -qq >/dev/null
    (cd artifacts/arm64-debs && apt-get download -qq "${sandbox[@]}" "${libs[@]/%/:arm64}" >/dev/null)
  }
  for deb in artifacts/arm64-debs/*.deb; do
    dpkg-deb -x "$deb" "$sysroot"
  done
  touch "$sysroot/.complete"
fi

if [ "$publish" = yes ] || [ ! -f artifacts/kiosk-linux-arm64.tar.gz ] || [ ! -f artifacts/kiosk-linux-x64.tar.gz ]; then
  bash deploy/publish.sh linux-arm64 linux-x64
fi

rm -rf "$work"
mkdir -p "$work"
tar -C "$work" -xzf artifacts/kiosk-linux-arm64.tar.gz
tar -C "$work" -xzf artifacts/kiosk-linux-x64.tar.gz
arm="$work/kiosk-linux-arm64"
x64="$work/kiosk-linux-x64"
out="$(cd "$work" && pwd)"

arm64() {
  # -L: the guest's /lib, /usr/lib and ld.so come from the sysroot; the kiosk's own files are plain paths.
  qemu-aarch64 -L "$sysroot" -E LD_LIBRARY_PATH=/lib/aarch64-linux-gnu:/usr/lib/aarch64-linux-gnu "$arm/kiosk" "$@"
}

echo "prove-arm64: qemu-aarch64 kiosk pack verify builtin.kpack" >&2
arm64 pack verify "$arm/builtin.kpack"
echo "prove-arm64: qemu-aarch64 kiosk render --screen $screen --profile $profile" >&2
arm64 render --pack "$arm/builtin.kpack" --screen "$screen" --profile "$profile" -o "$out/arm64.png"
"$x64/kiosk" render --pack "$x64/builtin.kpack" --screen "$screen" --profile "$profile" -o "$out/x64.png"

if cmp -s "$out/arm64.png" "$out/x64.png"; then
  result="identical PNG files"
else
  result=$(python3 deploy/png-diff.py "$out/arm64.png" "$out/x64.png")
fi

echo "prove-arm64: $screen at $profile, arm64 (qemu) vs x64: $result"
echo "prove-arm64: took $(( $(date +%s) - started )) s"
