#!/usr/bin/env bash
# polcomp side by side with the script a researcher would write instead (make bench).
#
# The script is src/test/bench/peer.py: PyYAML with libyaml's C loader, the default codebook's
# rules, openpyxl (write-only mode) or the csv module. Both run on the same data: policies/
# (its municipality files counted below) and the generated datasets of VERSUS_SIZES (default 2000
# and 100000; VERSUS_SIZES= (empty) runs policies/ alone) in
# target/bench-data/ (made by bench.sh's Generator, kept between runs). Each run is timed by
# wall clock, the best of VERSUS_REPEAT runs (default 3; 1 from 10,000 municipalities on), and
# the ratio is the script's time over polcomp's: above 1, polcomp is the faster.
#
# Needs python3 with the yaml (libyaml) and openpyxl modules; as root with apt it installs
# python3-yaml and python3-openpyxl, else it says what is missing and prints no table.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root="$PWD"
sizes="${VERSUS_SIZES-2000 100000}"
data="$root/target/bench-data"
out="$root/target/bench-out/versus"
rm -rf "$out"
mkdir -p "$data" "$out"

# The first python3 with the modules: the one on the PATH, else the system's (apt installs into
# that one, while the PATH may lead to another, a pyenv one say, without them).
python=""
have_python() {
  local p
  for p in python3 /usr/bin/python3; do
    if command -v "$p" > /dev/null && "$p" -c 'import yaml, openpyxl; yaml.CSafeLoader' 2> /dev/null
    then
      python="$p"
      return 0
    fi
  done
  return 1
}
if ! have_python && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  (apt-get install -y -q python3-yaml python3-openpyxl > /dev/null 2>&1 \
    || (apt-get update -q > /dev/null 2>&1 \
      && apt-get install -y -q python3-yaml python3-openpyxl > /dev/null 2>&1)) || true
fi
if ! have_python; then
  echo "versus: no python3 with yaml (libyaml) and openpyxl; install python3-yaml and" \
    "python3-openpyxl to compare with the script" >&2
  exit 0
fi

# bin/polcomp runs without its class-data archive when the jar is newer (after mvn package or
# make test), a third slower to start: the figures would not be those of an installed polcomp
if [ -f target/polcomp.jar ] && [ ! target/polcomp.jsa -nt target/polcomp.jar ]; then
  bash src/build/cds.sh target/polcomp.jar target/polcomp.jsa >&2
fi

for n in $sizes; do
  dir="$data/n$n"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    java -cp "target/test-classes:target/polcomp.jar" org.polcomp.bench.Generator "$n" "$dir" 1 >&2
    touch "$dir/.complete"
  fi
done

# best REPEAT COMMAND...: the least wall time in seconds of REPEAT runs (exit code must be 0)
best() {
  local repeat="$1" b="" i s e
  shift
  for i in $(seq "$repeat"); do
    sync
    s=$(date +%s.%N)
    if ! "$@" > "$out/stdout.txt" 2> "$out/stderr.txt"; then
      echo "failed"
      return
    fi
    e=$(date +%s.%N)
    b=$(awk -v s="$s" -v e="$e" -v b="$b" 'BEGIN { t = e - s; print (b == "" || t < b) ? t : b }')
  done
  echo "$b"
}

# row LABEL REPEAT POLCOMP_ARGS -- SCRIPT_ARGS: one line of the table
row() {
  local label="$1" repeat="$2"
  shift 2
  local mine=() theirs=()
  while [ "$1" != -- ]; do
    mine+=("$1")
    shift
  done
  shift
  theirs=("$@")
  local a b
  a=$(best "$repeat" bin/polcomp "${mine[@]}")
  if [ ${#theirs[@]} -gt 0 ]; then
    b=$(best "$repeat" "$python" src/test/bench/peer.py "${theirs[@]}")
  else
    b=""
  fi
  awk -v l="$label" -v a="$a" -v b="$b" 'BEGIN {
    r = (a + 0 > 0 && b + 0 > 0) ? sprintf("%.1fx", b / a) : ""
    printf "| %s | %s | %s | %s |\n", l, (a == "failed" ? a : sprintf("%.2f s", a)),
      (b == "" ? "" : (b == "failed" ? b : sprintf("%.2f s", b))), r }'
  rm -rf "$out"/run.* "$out"/run-csv "$out"/peer.* "$out"/peer-*
}

echo
echo "polcomp and the script (src/test/bench/peer.py), wall time, best of" \
  "${VERSUS_REPEAT:-3}; $(nproc) cores, $(java -version 2>&1 | head -1)," \
  "$("$python" --version 2>&1), PyYAML $("$python" -c 'import yaml; print(yaml.__version__)')," \
  "openpyxl $("$python" -c 'import openpyxl; print(openpyxl.__version__)')"
echo
echo "| run | polcomp | the script | ratio |"
echo "| --- | ---: | ---: | ---: |"
r="${VERSUS_REPEAT:-3}"
files=$(find policies -name '*.yaml' -not -path '*/schema/*' | wc -l)
row "compare to XLSX, policies/ ($files municipality files)" "$r" \
  compare -q --force policies -o "$out/run.xlsx" -- policies "$out/peer.xlsx"
row "compare to CSV, policies/" "$r" \
  compare -q --force policies --format csv -o "$out/run-csv" -- policies "$out/peer.csv"
row "compare to JSON, policies/" "$r" \
  compare -q --force policies -o "$out/run.json" -- policies "$out/peer.json"
for n in $sizes; do
  dir="$data/n$n"
  [ "$n" -lt 10000 ] || r=1
  label=$(printf "%'d" "$n" 2> /dev/null || echo "$n")
  row "compare to XLSX, $label municipalities" "$r" \
    compare -q --force "$dir" -o "$out/run.xlsx" -- "$dir" "$out/peer.xlsx"
  row "compare to CSV, $label municipalities" "$r" \
    compare -q --force "$dir" --format csv -o "$out/run-csv" -- "$dir" "$out/peer.csv"
  row "validate, $label municipalities" "$r" validate -q "$dir" --
done
