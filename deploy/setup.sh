#!/usr/bin/env bash
# Installs the Debian packages Kiosk needs on a development machine or CI, and nothing twice.
#   fonts-dejavu-core     Latin font the pack compiler embeds (subset) in every pack
#   fonts-droid-fallback  CJK font (Droid Sans Fallback) for Chinese names and terms
#   libfontconfig1        libSkiaSharp links against it even though we load fonts from files
#   chromium              real headless browser for the web-preview end-to-end test
#   openssh-server/client real sshd on 127.0.0.1 for the content-push tests
#   ansible-core          real ansible-playbook for the fleet tests (deploy/ansible/: install, rollout, gather)
#   ansible-lint          the fleet playbooks are kept lint-clean; a test runs it
#   systemd               systemd-analyze, to score deploy/kiosk.service's sandbox offline; installing the
#                         package starts nothing in a container (no systemd as PID 1), so it is safe there
#   mmdebstrap            builds the Debian trixie image of the system tests (deploy/vm/image.sh)
#   e2fsprogs             mkfs.ext4 -d for that image; e2fsck and debugfs read it after a power cut
#   qemu-system-x86       boots the image (deploy/vm/boot.sh) under TCG with a bochs display
#   debian-archive-keyring  the keys that sign trixie's Release file, for mmdebstrap
#   arch-test             mmdebstrap asks it whether this machine can run the image's architecture
#   clang                 links the Native AOT kiosk (deploy/publish.sh); also for the other architecture with:
#   gcc-aarch64-linux-gnu, libc6-dev-arm64-cross  the aarch64 linker (binutils), C runtime start files and libc
#                         that clang --target=aarch64-linux-gnu links the Pi's kiosk against, from x64
# Safe to run again: only missing packages are installed; apt-get update runs only when one is missing.
set -euo pipefail

packages=(fonts-dejavu-core fonts-droid-fallback libfontconfig1 chromium openssh-server openssh-client systemd
  mmdebstrap e2fsprogs qemu-system-x86 debian-archive-keyring arch-test ansible-core ansible-lint clang)
# The cross toolchain only where the Pi's build is a cross build (an arm64 machine links its own natively).
[ "$(uname -m)" = aarch64 ] || packages+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done" >&2
