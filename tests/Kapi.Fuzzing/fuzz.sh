#!/usr/bin/env bash
# Coverage-guided fuzzing of the Kapi front end with SharpFuzz and AFL++ (Debian package afl++).
# Usage: tests/Kapi.Fuzzing/fuzz.sh [seconds]   (default 300). Not part of CI.
# Seeds: every spec in kapi/ and, when present, ../shared/corpus/macro (read in place, never copied into the repo).
# Findings land in $OUT/default/crashes and $OUT/default/hangs; replay one with:
#   dotnet tests/Kapi.Fuzzing/bin/fuzz/Kapi.Fuzzing.dll <file>
set -euo pipefail
seconds=${1:-300}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${FUZZ_WORK:-/tmp/kapi-fuzz}
out=$work/findings
mkdir -p "$work/seeds" "$out"

command -v afl-fuzz >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++; }
tools=$work/tools
[ -x "$tools/sharpfuzz" ] || dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"

bin=$root/tests/Kapi.Fuzzing/bin/fuzz
dotnet publish "$root/tests/Kapi.Fuzzing" -c Release -o "$bin" -nologo -clp:ErrorsOnly
for dll in Kapi.Syntax.dll Kapi.Model.dll; do "$tools/sharpfuzz" "$bin/$dll"; done

# seeds: small files only (AFL++ prefers inputs under 1 MB; most specs are a few KB)
i=0
for f in "$root"/kapi/**/*.kapi "$root"/kapi/*/*.kapi "$root"/../shared/corpus/macro/*.kapi; do
  [ -f "$f" ] || continue
  cp "$f" "$work/seeds/seed$((i++)).kapi"
done
echo "fuzz: $i seeds, $seconds s"

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1
timeout --signal=INT "$((seconds + 30))" afl-fuzz -V "$seconds" -i "$work/seeds" -o "$out" -t 5000 -m none \
  -- dotnet "$bin/Kapi.Fuzzing.dll" || true

stats=$out/default/fuzzer_stats
if [ -f "$stats" ]; then
  grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|run_time)' "$stats"
fi
