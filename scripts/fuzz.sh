#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz, one at a time, each for SECONDS.
#
#   scripts/fuzz.sh SECONDS [TARGET...]     targets: markdown template build font image manifest (default: all)
#
# Builds them first in build-fuzz with clang (LEAFPRESS_FUZZ=ON: ASan + UBSan +
# coverage). Each run starts from the seeds in tests/fuzz/corpus/TARGET and
# keeps what it finds in build-fuzz/corpus/TARGET (not committed); a crash is
# written to build-fuzz/crashes/TARGET/. At the end it prints, per target, the
# executions, the coverage (edges "cov" and features "ft") reached and what
# they were for the seeds alone, and the number of crashes.
# To keep a crash as a regression: minimise it (build-fuzz/tests/fuzz/fuzz_T
# -minimize_crash=1 FILE), fix the bug and copy the file to
# tests/fuzz/regressions/TARGET/; ctest replays that folder from then on.
# Runs under `nice` so a shared machine stays usable.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(markdown template build font image manifest)
build=${FUZZ_BUILD:-build-fuzz}

# Per target: the longest input tried, and how long one input may run before it counts as a hang.
declare -A max_len=([markdown]=65536 [template]=8192 [build]=16384 [font]=65536 [image]=65536 [manifest]=16384)
declare -A timeout=([markdown]=10 [template]=10 [build]=30 [font]=10 [image]=10 [manifest]=10)

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DLEAFPRESS_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
nice -n 10 cmake --build "$build" -j "${FUZZ_BUILD_JOBS:-2}" --target "${targets[@]/#/fuzz_}"

summary=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  crashes="$build/crashes/$t"
  log="$build/fuzz-$t.log"
  mkdir -p "$corpus" "$crashes"
  echo "== fuzz_$t for ${seconds}s (log: $log)"
  status=0
  # Halting on the first crash keeps the input next to its stack trace in the log.
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    nice -n 10 "$build/tests/fuzz/fuzz_$t" "$corpus" "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" \
    -max_total_time="$seconds" -max_len="${max_len[$t]}" -timeout="${timeout[$t]}" -rss_limit_mb=2560 \
    -artifact_prefix="$crashes/" -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  seeds=$(grep -m1 -E 'INITED' "$log" | grep -oE 'cov: [0-9]+ ft: [0-9]+' || echo "cov: ? ft: ?")
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || echo "cov: ? ft: ?")
  execs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  found=$(find "$crashes" -type f | wc -l)
  summary+=("$(printf '%-9s %10s execs  seeds %-20s now %-20s crashes %s  (exit %s)' \
    "$t" "$execs" "$seeds" "$last" "$found" "$status")")
done
echo
echo "target         execs  coverage (edges, features)                      crash files"
printf '%s\n' "${summary[@]}"
