#!/usr/bin/env bash
# Builds synthetic sites of 1k, 10k and 50k pages with duiding and the same number of
# comparable pages with Hugo, side by side, and prints pages per second, peak RSS and the
# ratios duiding/Hugo. See docs/benchmarks.md.
#
#   scripts/bench.sh [PAGES...]      default: 1000 10000 50000; e.g. scripts/bench.sh 1000
#
# Per size: scripts/synth.py writes a fictional source of about PAGES pages, and
# scripts/synth_hugo.py a Hugo site of exactly as many pages as duiding wrote. Each tool then
# builds three times into the same output folder: cold (the folder removed first), no-op
# (nothing changed) and one changed value (one share of the source lowered from 10.0 to 9.5,
# the same number changed in one Hugo page). Wall time and peak RSS come from GNU time
# (`/usr/bin/time`, Debian package `time`); hugo is Debian's `hugo`.
#
# duiding builds with --no-pdf and --no-png: Hugo's pages have neither, and PNGs for slides
# are most of a cold build's time (about 25 ms a chart). For sizes up to BENCH_PNG_UP_TO
# (default 1000) one more row, "cold+png", builds the same site cold with its PNGs.
#
# Environment: BENCH_DIR (work folder, default /tmp/duiding-bench; everything in it is
# replaced), DUIDING (the binary, default build/duiding), BENCH_PNG_UP_TO. Exit 77 when hugo
# or GNU time is missing (scripts/setup.sh --with-bench installs them).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duiding=${DUIDING:-$root/build/duiding}
work=${BENCH_DIR:-/tmp/duiding-bench}
png_up_to=${BENCH_PNG_UP_TO:-1000}
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000 50000)

for tool in hugo /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (scripts/setup.sh --with-bench)" >&2; exit 77; }
done
[[ -x $duiding ]] || { echo "bench.sh: $duiding is not built" >&2; exit 2; }
for n in "${sizes[@]}"; do
  [[ $n =~ ^[0-9]+$ && $n -ge 30 ]] || { echo "bench.sh: '$n' is not a number of pages of at least 30" >&2; exit 2; }
done
mkdir -p "$work"

# run LABEL CMD...: runs CMD under GNU time; sets secs, cpu and rss_mb; output in $work/LABEL.log
run() {
  local label=$1; shift
  if ! /usr/bin/time -f '%e %U %S %M' -o "$work/$label.time" "$@" >"$work/$label.log" 2>&1; then
    echo "bench.sh: $label failed:" >&2; tail -20 "$work/$label.log" >&2; exit 1
  fi
  read -r secs user sys kb <"$work/$label.time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  rss_mb=$((kb / 1024))
}

# change FILE FROM TO: replaces the first FROM in FILE by TO, or stops the benchmark
change() {
  grep -q -- "$2" "$1" || { echo "bench.sh: '$2' not found in $1" >&2; exit 1; }
  sed -i "0,/$2/s//$3/" "$1"
}

rate() { awk -v p="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? p / s : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }
row() { printf '%-7s %-8s %-10s %6s %8s %9s %8s %7s\n' "$@"; }

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ { print $2 " GB RAM" }'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "duiding: $duiding; $(hugo version | cut -d' ' -f1-2)"
row size tool build pages wall_s pages/s cpu_s rss_MB
for n in "${sizes[@]}"; do
  src=$work/source-$n site=$work/duiding-$n hsrc=$work/hugo-source-$n hsite=$work/hugo-$n
  rm -rf "$src" "$site" "$site-png" "$hsrc" "$hsite"
  python3 "$root/scripts/synth.py" "$src" --pages "$n" >/dev/null
  declare -A d_rate=() d_rss=() h_rate=() h_rss=()
  last=$(ls "$src"/data/values/*.csv | tail -1)
  for step in cold no-op one-value; do
    [[ $step == one-value ]] && change "$last" '^\([^,]*,synth-00001,[^,]*,,[^,]*,value,\)10\.0$' '\19.5'
    # No PDFs and no PNGs: Hugo makes neither, and printing is Chromium's time.
    run "duiding-$n-$step" "$duiding" build "$src" -o "$site" --no-pdf --no-png
    pages=$(find "$site" -name '*.html' | wc -l)
    d_rate[$step]=$(rate "$pages" "$secs") d_rss[$step]=$rss_mb
    row "$n" duiding "$step" "$pages" "$secs" "${d_rate[$step]}" "$cpu" "$rss_mb"
    # Hugo's pages come from the source as it was (before the changed value), as many as duiding wrote
    [[ $step == cold ]] && python3 "$root/scripts/synth_hugo.py" "$src" "$hsrc" --pages "$pages"
  done
  if ((n <= png_up_to)); then
    run "duiding-$n-cold-png" "$duiding" build "$src" -o "$site-png" --no-pdf
    row "$n" duiding cold+png "$pages" "$secs" "$(rate "$pages" "$secs")" "$cpu" "$rss_mb"
    rm -rf "$site-png"
  fi
  for step in cold no-op one-value; do
    if [[ $step == one-value ]]; then
      change "$hsrc/content/thema-01/pagina-00001.md" '| 10\.0 |' '| 9.5 |'
      change "$hsrc/content/thema-01/pagina-00001.md" '\[10\.0, ' '[9.5, '
    fi
    [[ $step == cold ]] && rm -rf "$hsite"
    run "hugo-$n-$step" hugo --quiet -s "$hsrc" -d "$hsite"
    hpages=$(find "$hsite" -name '*.html' | wc -l)
    ((hpages == pages)) || { echo "bench.sh: hugo wrote $hpages pages, duiding $pages" >&2; exit 1; }
    h_rate[$step]=$(rate "$hpages" "$secs") h_rss[$step]=$rss_mb
    row "$n" hugo "$step" "$hpages" "$secs" "${h_rate[$step]}" "$cpu" "$rss_mb"
  done
  for step in cold no-op one-value; do
    printf '%-7s %-8s %-10s pages/s duiding/hugo %s, peak RSS duiding/hugo %s\n' "$n" ratio "$step" \
      "$(ratio "${d_rate[$step]}" "${h_rate[$step]}")" "$(ratio "${d_rss[$step]}" "${h_rss[$step]}")"
  done
done
