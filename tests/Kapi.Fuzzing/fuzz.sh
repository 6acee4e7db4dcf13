#!/usr/bin/env bash
# Coverage-guided fuzzing of the Kapi front end with SharpFuzz and AFL++ (Debian package afl++).
# Usage: tests/Kapi.Fuzzing/fuzz.sh [seconds]   (default 300). Not part of CI.
# Seeds: every spec in kapi/, a small kernel-doc spec of our own and, when present, ../shared/corpus/macro and
# ../shared/corpus/kdoc (copied to the fuzzer's work folder, never into the repo).
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
for f in "$root"/kapi/**/*.kapi "$root"/kapi/*/*.kapi "$root"/../shared/corpus/macro/*.kapi "$root"/../shared/corpus/kdoc/*.kdoc; do
  [ -f "$f" ] || continue
  cp "$f" "$work/seeds/seed$((i++)).${f##*.}"
done
# the kernel-doc form even without the corpus (gen-3 keys, a nested struct field, the SYSCALL_DEFINEn after it)
cat > "$work/seeds/seed$((i++)).kdoc" <<'KDOC'
/**
 * sys_frob - Frobnicate a range
 * @addr: start of the range
 * @flags: how
 *
 * long-desc: Frobnicates the pages of the range.
 * contexts: process, sleepable
 * param: addr
 *   type: uint, input
 *   constraint-type: alignment(4096)
 * param: flags
 *   type: int, input
 *   constraint-type: mask(MCL_CURRENT | MCL_FUTURE)
 *   arch-mask: powerpc = 0x8
 * return:
 *   type: int
 *   success: 0
 * error: EINVAL, flags has unknown bits
 *   desc: flags holds a bit outside the mask.
 * lock: mmap_lock, KAPI_LOCK_RWLOCK
 *   acquired: yes
 * struct: struct frob_attr
 *   size: 16
 *   field: size
 *     type: u32
 *     range: 0, 16
 */
SYSCALL_DEFINE2(frob, unsigned long, addr, int, flags)
KDOC
echo "fuzz: $i seeds, $seconds s"

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1
timeout --signal=INT "$((seconds + 30))" afl-fuzz -V "$seconds" -i "$work/seeds" -o "$out" -t 5000 -m none \
  -- dotnet "$bin/Kapi.Fuzzing.dll" || true

stats=$out/default/fuzzer_stats
if [ -f "$stats" ]; then
  grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|run_time)' "$stats"
fi
