#!/usr/bin/env bash
# Speed and memory of polcomp on synthetic datasets (make bench).
#
# Builds the test classes, generates 1k, 10k and 100k municipalities into target/bench-data/
# (kept between runs; delete the folder to regenerate), times each command with /usr/bin/time -v
# and prints a Markdown table. BENCH_SIZES="1000 10000" picks other sizes, BENCH_SEED the seed,
# BENCH_COMMANDS="validate" the commands timed (default: validate classify compare sensitivity).
# BENCH_MEMORY=1 (the default; 0 skips it) adds the memory cases: four 16 MiB files of one
# municipality each on --threads 4, and 20,000 small files, each validated and compared to CSV,
# with peak RSS against the launcher's heap plus 256 MiB. BENCH_SIZES= (empty) runs only those.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root="$PWD"
sizes="${BENCH_SIZES-1000 10000 100000}"
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

declare -A walls=()

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
if [ -n "${sizes// /}" ]; then
  echo "| run | measures | wall s | CPU s | peak RSS MiB | µs per measure |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  small="$(find "$data/n$(echo "$sizes" | awk '{print $1}')" -name '*.yaml' | sort | sed -n 1p)"
  measure "validate 1 file (JVM start included)" auto -- bin/polcomp validate "$small"
fi

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

# The heap bin/polcomp gives COMMAND in MiB: -Xmx of JAVA_OPTS when set, else the launcher's own
# (1 GiB for validate, 768 MiB for the others).
launcher_heap() {
  local x
  x=$(echo " ${JAVA_OPTS:-} " | grep -oE ' -Xmx[0-9]+[kKmMgG]? ' | tail -1 | tr -d ' ' || true)
  if [ -n "$x" ]; then
    x=${x#-Xmx}
    case "$x" in
      *[gG]) echo $(( ${x%?} * 1024 )) ;;
      *[mM]) echo "${x%?}" ;;
      *[kK]) echo $(( ${x%?} / 1024 )) ;;
      *) echo $(( x / 1048576 )) ;;
    esac
  elif [ "$1" = validate ]; then
    echo 1024
  else
    echo 768
  fi
}

# One document from the municipalities of the generated files in SRC, skipping the first SKIP,
# as large as fits in LIMIT bytes: the measures of each file are renamed (mNN-word to mNN-K-word,
# successors with them) so that ids stay unique, and the municipality gets id ID.
one_document() {
  local src="$1" out="$2" skip="$3" limit="$4" id="$5" size k=0 part f
  local files=()
  mapfile -t files < <(find "$src" -name '*.yaml' | sort | tail -n +$((skip + 1)))
  sed -n '1,/^policies:/p' "${files[0]}" | sed -E "s/^  id: GM[0-9]+/  id: $id/" > "$out"
  size=$(stat -c %s "$out")
  for f in "${files[@]}"; do
    part=$(sed -n '/^policies:/,$p' "$f" | tail -n +2 \
      | sed -E "s/^(  - id: m[0-9]+)-/\1-$k-/; s/^(    successor: m[0-9]+)-/\1-$k-/")
    [ $((size + ${#part} + 1)) -le "$limit" ] || break
    printf '%s\n' "$part" >> "$out"
    size=$((size + ${#part} + 1))
    k=$((k + 1))
  done
}

# memory_row LABEL COMMAND -- ARGS...: a row of the memory table; peak RSS against the heap
# bin/polcomp gives the command plus 256 MiB (what the JVM needs besides its heap).
memory_row() {
  local label="$1" command="$2" log="$out/time.log" rc=0 wall rss heap limit
  shift 3
  sync
  /usr/bin/time -v -o "$log" bin/polcomp "$command" "$@" > "$out/stdout.txt" 2> "$out/stderr.txt" \
    || rc=$?
  heap=$(launcher_heap "$command")
  limit=$((heap + 256))
  if [ "$rc" != 0 ]; then
    echo "| $label | failed (exit $rc): $(head -c 200 "$out/stderr.txt" | tr '\n' ' ') | | | $limit | no |"
    return
  fi
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
  printf '| %s | %.2f | %s | %s | %s | %s |\n' "$label" "$wall" "$rss" "$heap" "$limit" \
    "$([ "$rss" -le "$limit" ] && echo yes || echo NO)"
}

# The memory cases: inputs at the limits must be read within the launcher's heap whatever the
# number of threads (the loader budgets the bytes it holds at once).
memory_cases() {
  if [ ! -x /usr/bin/time ]; then
    echo "bench: the memory cases need /usr/bin/time (GNU time), skipped" >&2
    return
  fi
  local one="$data/one16" many="$data/n20000" i
  if [ ! -f "$one/.complete" ]; then
    rm -rf "$one" "$data/one16-src"
    mkdir -p "$one"
    java -cp "$cp" org.polcomp.bench.Generator 2000 "$data/one16-src" "$seed" >&2
    one_document "$data/one16-src" "$one/one0.yaml" 0 16700000 GM900000
    for i in 1 2 3; do
      sed -E "0,/^  id: GM900000/s//  id: GM90000$i/" "$one/one0.yaml" > "$one/one$i.yaml"
    done
    rm -rf "$data/one16-src"
    touch "$one/.complete"
  fi
  if [ ! -f "$many/.complete" ]; then
    rm -rf "$many"
    java -cp "$cp" org.polcomp.bench.Generator 20000 "$many" "$seed" >&2
    touch "$many/.complete"
  fi
  echo
  echo "| memory case | wall s | peak RSS MiB | heap MiB | heap + 256 MiB | under |"
  echo "| --- | ---: | ---: | ---: | ---: | --- |"
  local big=("$one"/one0.yaml "$one"/one1.yaml "$one"/one2.yaml "$one"/one3.yaml)
  memory_row "validate 4 files of 16 MiB, one municipality each, --threads 4" validate -- \
    --threads 4 "${big[@]}"
  rm -rf "$out/memory-compare"
  memory_row "compare 4 files of 16 MiB to CSV, --threads 4" compare -- \
    --threads 4 -q -o "$out/memory-compare" "${big[@]}"
  memory_row "validate 20,000 small files" validate -- "$many"
  rm -rf "$out/memory-compare"
  memory_row "compare 20,000 small files to CSV" compare -- -q -o "$out/memory-compare" "$many"
  rm -rf "$out/memory-compare"
}

if [ "${BENCH_MEMORY:-1}" != 0 ]; then
  memory_cases
fi

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
