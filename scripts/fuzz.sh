#!/usr/bin/env bash
# Fuzzes one reader with libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer.
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags]
# TARGET is csv, json, privacy, markdown or csv-fast (the csv target with only UBSan:
# much faster, see tests/fuzz/CMakeLists.txt; it shares the csv corpus). Builds tests/fuzz with clang into build-fuzz/,
# starts from the seeds and the kept regression inputs, grows a working corpus in
# build-fuzz/corpus/TARGET and stops after SECONDS. A crashing input is written to
# build-fuzz/crashes/TARGET/; copy it to tests/fuzz/regressions/TARGET/ once fixed, so the
# test suite replays it from then on. Exit status: 0 no finding, non-zero otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh csv|json|privacy|markdown|csv-fast SECONDS}"
seconds="${2:?usage: scripts/fuzz.sh TARGET SECONDS}"
shift 2
case "$target" in csv|json|privacy|markdown|csv-fast) ;; *) echo "fuzz.sh: unknown target '$target'" >&2; exit 2 ;; esac
command -v clang++ >/dev/null || { echo "fuzz.sh: needs clang (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }

build="${DUIDING_FUZZ_BUILD:-build-fuzz}"
if [[ ! -f "$build/build.ninja" ]]; then
  launcher=(); command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S tests/fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" >/dev/null
fi
# ninja prints compile errors on standard output: keep it, and show it when the build fails.
if ! log="$(ninja -C "$build" "fuzz_$target" 2>&1)"; then
  printf '%s\n' "$log" >&2
  echo "fuzz.sh: building fuzz_$target failed (above)" >&2
  exit 1
fi

kind="${target%-fast}"  # csv-fast fuzzes the csv reader: same corpus, seeds and regressions
corpus="$build/corpus/$kind"
crashes="$build/crashes/$kind"
mkdir -p "$corpus" "$crashes"
dict=(); [[ -f "tests/fuzz/$kind.dict" ]] && dict=(-dict="tests/fuzz/$kind.dict")
# Kept inputs: the seeds and, once a target has had a finding, its regression inputs.
inputs=("$corpus")
for d in "tests/fuzz/seeds/$kind" "tests/fuzz/regressions/$kind"; do [[ -d "$d" ]] && inputs+=("$d"); done
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
exec "$build/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$crashes/" -print_final_stats=1 "${dict[@]}" "$@" \
  "${inputs[@]}"
