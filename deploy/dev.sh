#!/usr/bin/env bash
# The two commands of the README:
#   deploy/dev.sh run   [kiosk run options]   set up, build, and run the kiosk on the built-in pack
#   deploy/dev.sh test  [dotnet test options] set up, build, and run every test project
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/setup.sh

verb="${1:-}"
shift || true
case "$verb" in
  run)
    dotnet build firmware-host/Kiosk.Host -c Release -v q -nologo
    exec dotnet firmware-host/Kiosk.Host/bin/Release/net10.0/kiosk.dll run "$@"
    ;;
  test)
    # Projects run one after another: the machine has 2 cores and several suites start servers or browsers.
    dotnet build Kiosk.sln -c Release -v q -nologo
    exec dotnet test Kiosk.sln -c Release --no-build -m:1 "$@"
    ;;
  *)
    echo "usage: deploy/dev.sh run|test [options]" >&2
    exit 2
    ;;
esac
