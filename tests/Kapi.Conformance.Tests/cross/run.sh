#!/usr/bin/env bash
# Runs the whole per-architecture header cross-check: installs what is missing (setup.sh), builds the conformance tests,
# runs CrossArchHeaderTests for all eight architectures and prints the README's "Checked against the real system" table
# from the counts the tests write (KAPI_CROSS_REPORT). Prints how long each step took.
set -euo pipefail
cd "$(dirname "$0")/../../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

start=$SECONDS
bash tests/Kapi.Conformance.Tests/cross/setup.sh
setup=$((SECONDS - start))

dotnet build tests/Kapi.Conformance.Tests -nologo -clp:ErrorsOnly
report="$(mktemp -d "${TMPDIR:-/tmp}/kapi-cross-report.XXXXXX")"
trap 'rm -rf "$report"' EXIT
start=$SECONDS
status=0
KAPI_CROSS_REPORT="$report" dotnet test tests/Kapi.Conformance.Tests --no-build --filter "FullyQualifiedName~CrossArchHeaderTests" \
  --logger "console;verbosity=${KAPI_CROSS_VERBOSITY:-normal}" || status=$?
tests=$((SECONDS - start))

echo
echo "| Architecture | Headers | Names checked | Equal | Different | Absent (reason in the table) | Not on this architecture | Struct layouts checked | Field offsets checked | errno / signal numbers checked |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for arch in x64 x86 arm arm64 ppc64le s390x riscv64 loongarch64; do
  if [ ! -f "$report/$arch.constants.tsv" ]; then
    echo "| $arch | (not run) | | | | | | | | |"
    continue
  fi
  read -r names equal different absent nothere version < "$report/$arch.constants.tsv"
  layouts="" fields="" errnos="" signals=""
  [ -f "$report/$arch.structs.tsv" ] && read -r layouts fields _ _ < "$report/$arch.structs.tsv"
  [ -f "$report/$arch.errno.tsv" ] && read -r errnos signals _ _ < "$report/$arch.errno.tsv"
  linux="$((version >> 16)).$(((version >> 8) & 255)).$((version & 255))"
  echo "| $arch | Linux $linux | $names | $equal | $different | $absent | $nothere | $layouts | $fields | $errnos / $signals |"
done
echo
echo "cross/run.sh: setup ${setup} s, tests ${tests} s (build not counted)"
exit "$status"
