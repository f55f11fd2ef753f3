#!/usr/bin/env bash
# Publishes self-contained kiosks for the Pi and for x64 Linux:
#   deploy/publish.sh [RID...]        default: linux-arm64 linux-x64
# writes artifacts/kiosk-<rid>.tar.gz, each unpacking to kiosk-<rid>/ with the kiosk executable, its native
# libraries, builtin.kpack, kiosk.service, install.sh and kiosk.example.json.
#
# ReadyToRun: the kiosk's own code and its libraries (SkiaSharp's wrappers, System.CommandLine, the hosting
# stack) are compiled ahead of time, so a cold start on the Pi's slow cores JITs little (the .NET framework
# itself already ships precompiled). Composite: the framework and the kiosk are compiled as one, so the generic code
# the kiosk instantiates over framework types (collections, System.Text.Json) is precompiled too instead of JIT-
# compiled at every start; it costs about 80 s more per publish and 20 MB more on disk, and made a cold
# `kiosk render` 1.25x faster again than plain ReadyToRun (README "Install on a Pi").
# KIOSK_READY_TO_RUN=false publishes without either, for comparison.
# Not trimmed: the pack reader and settings binder use reflection (System.Text.Json, configuration binding),
# and trimming warns on them; see README "Install on a Pi".
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
  dotnet publish "$project" -c Release -r "$rid" --self-contained true -v q -nologo -p:KioskTestHooks=false -o "$dir" \
    -p:PublishReadyToRun="${KIOSK_READY_TO_RUN:-true}" -p:PublishReadyToRunComposite="${KIOSK_READY_TO_RUN:-true}"
  cp "$pack" "$dir/builtin.kpack"
  no_test_hooks "$rid" "$dir"
  cp deploy/kiosk.service deploy/install.sh deploy/kiosk.example.json "$dir/"
  chmod 0755 "$dir/install.sh" "$dir/kiosk"
  tar -C "$stage" -czf "$out/kiosk-$rid.tar.gz" "kiosk-$rid"
  echo "publish: $out/kiosk-$rid.tar.gz ($(du -h "$out/kiosk-$rid.tar.gz" | cut -f1))" >&2
done
