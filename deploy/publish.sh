#!/usr/bin/env bash
# Publishes self-contained kiosks for the Pi and for x64 Linux:
#   deploy/publish.sh [RID...]        default: linux-arm64 linux-x64
# writes artifacts/kiosk-<rid>.tar.gz, each unpacking to kiosk-<rid>/ with the kiosk executable, its native
# libraries, builtin.kpack, kiosk.service, install.sh and kiosk.example.json.
#
# Native AOT (KIOSK_AOT=true, the default): the kiosk, the .NET runtime and every library it uses are compiled
# into one native executable, so a start loads no runtime and JIT-compiles nothing. Under the system tests'
# emulated CPU a restarted kiosk.service reached its first frame in 2.2-3.6 s instead of 7.5-14.6 s (composite
# ReadyToRun, same busy host); during boot it still waits for the guest's DRM driver (deploy/vm/README.md). A
# cold `kiosk render` here used 146 ms of CPU instead of 253 ms, and the tarball is 13 MB instead of 61 MB
# (README "Install on a Pi"). It needs a C toolchain to link: clang (or gcc) for this machine's own
# architecture, and for linux-arm64 from x64 clang with Debian's aarch64 cross binutils and libc (deploy/setup.sh
# installs them).
# Native libraries that are loaded by name (libSkiaSharp.so, libHarfBuzzSharp.so) stay files beside it. The
# debug symbols go to artifacts/kiosk-<rid>.dbg, not into the tarball.
#
# KIOSK_AOT=false publishes ReadyToRun instead (the JIT runtime with precompiled code), composite: the framework
# and the kiosk compiled as one, so generic code over framework types is precompiled too; KIOSK_READY_TO_RUN=false
# as well publishes plain JIT-compiled IL, for comparison (README "Install on a Pi" has the figures of all three).
#
# The built-in pack is compiled once by this machine's own kiosk (a cross build cannot run the kiosk it builds,
# so BuildBuiltinPack skips it) and the same file goes into every tarball: every architecture shows the same pack.
set -euo pipefail
cd "$(dirname "$0")/.."

rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(linux-arm64 linux-x64)
project=firmware-host/Kiosk.Host
out=artifacts
stage="$out/stage"

dotnet build "$project" -c Release -v q -nologo
pack="$project/bin/Release/net10.0/builtin.kpack"
[ -f "$pack" ] || { echo "publish: $pack was not built" >&2; exit 1; }

# The crash-injection hook (KIOSK_INSTALL_CRASH_AT, for the install tests) must not be in a shipped kiosk: where
# this machine can run the published binary, install a pack with the hook asked to crash at the first step; a
# kiosk with the hook dies there (FailFast), a shipped one installs. Other architectures rest on the same
# -p:KioskTestHooks=false build, and the next install on a Pi can be checked the same way.
no_test_hooks() {
  local rid=$1 dir=$2 store
  [ "$rid" = "$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)" ] || return 0
  store=$(mktemp -d)
  if ! KIOSK_INSTALL_CRASH_AT=staged "$dir/kiosk" pack install "$pack" --store "$store" --allow-unsigned >/dev/null 2>&1 \
      || [ ! -L "$store/current" ]; then
    rm -rf "$store"
    echo "publish: $dir/kiosk obeys KIOSK_INSTALL_CRASH_AT: the test hooks are in the published build" >&2
    exit 1
  fi
  rm -rf "$store"
  echo "publish: $rid: no test hooks (KIOSK_INSTALL_CRASH_AT ignored)" >&2
}

rm -rf "$stage"
mkdir -p "$stage"
for rid in "${rids[@]}"; do
  dir="$stage/kiosk-$rid"
  echo "publish: $rid" >&2
  if [ "${KIOSK_AOT:-true}" = true ]; then
    build=(-p:PublishAot=true)
    # From x64 to arm64: clang links for the other architecture with the cross toolchain's linker and libc.
    [ "$rid" != linux-arm64 ] || [ "$(uname -m)" = aarch64 ] || build+=(-p:ObjCopyName=aarch64-linux-gnu-objcopy)
  else
    r2r="${KIOSK_READY_TO_RUN:-true}"
    build=(-p:PublishAot=false -p:PublishReadyToRun="$r2r" -p:PublishReadyToRunComposite="$r2r")
  fi
  dotnet publish "$project" -c Release -r "$rid" --self-contained true -v q -nologo -p:KioskTestHooks=false -o "$dir" "${build[@]}"
  if [ -f "$dir/kiosk.dbg" ]; then
    mv "$dir/kiosk.dbg" "$out/kiosk-$rid.dbg"
    rm -f "$dir"/*.pdb   # the managed symbols are inside the native one
  fi
  cp "$pack" "$dir/builtin.kpack"
  no_test_hooks "$rid" "$dir"
  cp deploy/kiosk.service deploy/install.sh deploy/kiosk.example.json "$dir/"
  # The JIT writes code and then executes it, which MemoryDenyWriteExecute=yes forbids: only the AOT kiosk gets it.
  [ "${KIOSK_AOT:-true}" = true ] || sed -i 's/^MemoryDenyWriteExecute=yes$/MemoryDenyWriteExecute=no/' "$dir/kiosk.service"
  chmod 0755 "$dir/install.sh" "$dir/kiosk"
  tar -C "$stage" -czf "$out/kiosk-$rid.tar.gz" "kiosk-$rid"
  echo "publish: $out/kiosk-$rid.tar.gz ($(du -h "$out/kiosk-$rid.tar.gz" | cut -f1))" >&2
done
