#!/usr/bin/env bash
# Speed and memory of polcomp on synthetic datasets (make bench).
#
# Builds the test classes, generates 1k, 10k and 100k municipalities into target/bench-data/
# (kept between runs; delete the folder to regenerate), times each command with /usr/bin/time -v
# and prints a Markdown table. BENCH_SIZES="1000 10000" picks other sizes, BENCH_SEED the seed,
# BENCH_COMMANDS="validate" the commands timed (default: validate classify compare sensitivity).
set -euo pipefail
cd "$(dirname "$0")/../../.."
root="$PWD"
sizes="${BENCH_SIZES:-1000 10000 100000}"
seed="${BENCH_SEED:-1}"
commands=" ${BENCH_COMMANDS:-validate classify compare sensitivity} "
data="$root/target/bench-data"
out="$root/target/bench-out"
mkdir -p "$data" "$out"

if [ ! -f target/polcomp.jar ]; then
  mvn -o -q -B -DskipTests package
fi
mvn -o -q -B test-compile
cp="target/test-classes:target/polcomp.jar"

for n in $sizes; do
  dir="$data/n$n"
  if [ -f "$dir/.complete" ]; then
    echo "bench: $dir exists, not regenerated" >&2
  else
    rm -rf "$dir"
    java -cp "$cp" org.polcomp.bench.Generator "$n" "$dir" "$seed" >&2
    touch "$dir/.complete"
  fi
done

# /usr/bin/time -v gives wall, CPU and peak RSS; without it, bash's clock and /proc.
timer=""
if [ -x /usr/bin/time ]; then
  timer=/usr/bin/time
elif [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  (apt-get install -y -q time > /dev/null 2>&1 || (apt-get update -q > /dev/null 2>&1 \
    && apt-get install -y -q time > /dev/null 2>&1)) && timer=/usr/bin/time || true
fi

declare -A walls

# measure LABEL MEASURES -- COMMAND...: one table row; the command's exit code must be 0.
measure() {
  local label="$1" measures="$2"
  shift 3
  local log="$out/time.log" wall cpu rss rc=0
  # the previous run's gigabytes of output go to disk now, not while this run is timed
  sync
  if [ -n "$timer" ]; then
    $timer -v -o "$log" "$@" > "$out/stdout.txt" 2> "$out/stderr.txt" || rc=$?
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
    cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2 / 1024}' "$log")
  else
    local start end peak=0 pid
    start=$(date +%s.%N)
    "$@" > "$out/stdout.txt" 2> "$out/stderr.txt" &
    pid=$!
    while kill -0 "$pid" 2> /dev/null; do
      local hwm
      hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2> /dev/null || echo 0)
      [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
      sleep 0.05
    done
    wait "$pid" || rc=$?
    end=$(date +%s.%N)
    wall=$(echo "$end - $start" | bc)
    cpu="n/a"
    rss=$(echo "$peak / 1024" | bc)
  fi
  if [ "$rc" != 0 ]; then
    echo "| $label | $measures | failed (exit $rc): $(head -c 200 "$out/stderr.txt" | tr '\n' ' ') | | | |"
    return
  fi
  if [ "$measures" = auto ]; then
    measures=$(count_measures)
    last_measures="$measures"
  fi
  local per="n/a"
  if [ "$measures" -gt 0 ] 2> /dev/null; then
    per=$(awk -v w="$wall" -v m="$measures" 'BEGIN {printf "%.1f", w * 1e6 / m}')
  fi
  printf '| %s | %s | %.2f | %s | %.0f | %s |\n' "$label" "$measures" "$wall" "$cpu" "$rss" "$per"
  walls["$label"]="$wall"
}

# The measures of a dataset, from validate's summary line ("N files, M municipalities, K measures").
count_measures() {
  grep -oE '[0-9]+ measures?' "$out/stdout.txt" | sed -n 1p | grep -oE '[0-9]+' || echo 0
}


echo
echo "polcomp $(bin/polcomp --version 2>/dev/null | head -1 | sed 's/^polcomp //'), $(nproc) cores," \
  "JAVA_OPTS='${JAVA_OPTS:-}', $(java -version 2>&1 | head -1)"
echo
echo "| run | measures | wall s | CPU s | peak RSS MiB | µs per measure |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"

small="$(find "$data/n$(echo "$sizes" | awk '{print $1}')" -name '*.yaml' | sort | sed -n 1p)"
measure "validate 1 file (JVM start included)" auto -- bin/polcomp validate "$small"

for n in $sizes; do
  dir="$data/n$n"
  last_measures=0
  # validate prints the measure count in its summary; classify and compare reuse it.
  measure "validate $n" auto -- bin/polcomp validate "$dir"
  m="$last_measures"
  if [[ "$commands" == *" classify "* ]]; then
    measure "classify $n" "$m" -- bin/polcomp classify --format csv -o "$out/classify-$n.csv" "$dir"
  fi
  if [[ "$commands" == *" compare "* ]]; then
    measure "compare $n to XLSX" "$m" -- bin/polcomp compare -q -o "$out/compare-$n.xlsx" "$dir"
    rm -rf "$out/compare-$n"
    measure "compare $n to CSV" "$m" -- bin/polcomp compare -q -o "$out/compare-$n" "$dir"
    measure "compare $n to JSON" "$m" -- bin/polcomp compare -q -o "$out/compare-$n.json" "$dir"
  fi
  # 1 sample is the reading and the one-at-a-time changes; the difference to 1,000 is the cost
  # of the samples. Up to 10,000 municipalities (the size the command is meant to take in
  # seconds); BENCH_SENSITIVITY_MAX raises the limit.
  if [[ "$commands" == *" sensitivity "* ]] && [ "$n" -le "${BENCH_SENSITIVITY_MAX:-10000}" ]; then
    measure "sensitivity $n, 1 sample" "$m" -- \
      bin/polcomp sensitivity -q --samples 1 -o "$out/sensitivity-$n.json" "$dir"
    measure "sensitivity $n, 1000 samples" "$m" -- \
      bin/polcomp sensitivity -q --samples 1000 -o "$out/sensitivity-$n.json" "$dir"
  fi
  # the outputs of a large dataset are gigabytes: gone before the next size
  rm -rf "$out"/classify-* "$out"/compare-* "$out"/sensitivity-*
done

# How time grows with the dataset: each run's wall time over the same run's at the size before.
if [ "${#walls[@]}" -gt 0 ]; then
  echo
  echo "| run | sizes | wall time ratio |"
  echo "| --- | --- | ---: |"
  prev=""
  for n in $sizes; do
    if [ -n "$prev" ]; then
      for key in "${!walls[@]}"; do
        case "$key" in
          *" $n"|*" $n "*)
            before="${key/ $n/ $prev}"
            if [ -n "${walls[$before]:-}" ]; then
              echo "| ${key/ $n/} | $prev -> $n | $(awk -v a="${walls[$key]}" -v b="${walls[$before]}" \
                'BEGIN {printf "%.1f", a / b}') |"
            fi ;;
        esac
      done | sort
    fi
    prev="$n"
  done
fi

# Side by side with the script a researcher would write instead (versus.sh); BENCH_VERSUS=0 skips.
if [ "${BENCH_VERSUS:-1}" != 0 ]; then
  bash src/test/bench/versus.sh
fi
