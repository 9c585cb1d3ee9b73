#!/usr/bin/env bash
# Proves that examples/invented uses every vocabulary value of the default codebook and every
# field of the format (docs/format.md). Run it from anywhere: examples/check-coverage.sh [DIR]
# (DIR defaults to examples/invented, relative to the repository root). Exit 0 when everything
# is covered; otherwise it lists what is missing and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
codebook=src/main/resources/org/polcomp/load/default-codebook.yaml
dir=${1:-examples/invented}
shopt -s nullglob
files=("$dir"/*.yaml "$dir"/*.yml)
[ ${#files[@]} -gt 0 ] || { echo "no policy files in $dir" >&2; exit 2; }
missing=0
checked=0

# The ids of one codebook section (domains, groups, instruments, funding_sources,
# contact_partners), in file order.
ids() {
  awk -v want="$1" '
    /^[a-z_]+:/ { section = substr($1, 1, length($1) - 1) }
    section == want && match($0, /id: [a-z0-9:-]+/) { print substr($0, RSTART + 4, RLENGTH - 4) }
  ' "$codebook"
}

# Values written after "key:" in the examples: as a scalar (key: value) or in a flow list
# (key: [a, "b"]). Comments are cut off first.
values() {
  sed -e 's/[[:space:]]#.*$//' "${files[@]}" \
    | grep -E "^[[:space:]]*(- )?$1:" \
    | sed -E "s/^[[:space:]]*(- )?$1:[[:space:]]*//; s/[][\"']//g; s/,/\n/g" \
    | sed -E 's/^[[:space:]]+//; s/[[:space:]]+$//' | grep -v '^$' | sort -u || true
}

# check LABEL KEY VALUE...: every VALUE must appear after KEY.
check() {
  local label=$1 key=$2; shift 2
  local have; have=$(values "$key")
  local n=0 miss=()
  for v in "$@"; do
    n=$((n + 1))
    grep -qxF -- "$v" <<<"$have" || miss+=("$v")
  done
  checked=$((checked + n))
  if [ ${#miss[@]} -eq 0 ]; then
    printf 'ok   %-22s %2d/%-2d\n' "$label" "$n" "$n"
  else
    printf 'MISS %-22s %2d/%-2d missing: %s\n' "$label" "$((n - ${#miss[@]}))" "$n" "${miss[*]}"
    missing=$((missing + ${#miss[@]}))
  fi
}

# Present at least once (a grep -E pattern over the example files).
has() {
  local label=$1 pattern=$2
  checked=$((checked + 1))
  if grep -qhE -- "$pattern" "${files[@]}"; then
    printf 'ok   %s\n' "$label"
  else
    printf 'MISS %s (pattern %s)\n' "$label" "$pattern"
    missing=$((missing + 1))
  fi
}

echo "Vocabularies of $codebook:"
mapfile -t v < <(ids domains);          check domains domain "${v[@]}"
mapfile -t v < <(ids groups);           check groups groups "${v[@]}"
mapfile -t v < <(ids instruments);      check instruments instrument "${v[@]}"
mapfile -t v < <(ids funding_sources);  check funding_sources source "${v[@]}"
mapfile -t v < <(ids contact_partners); check contact_partners with "${v[@]}"
has "groups origin:XX" '"?origin:[A-Z]{2}"?'

echo "Vocabularies fixed by the format (docs/format.md):"
check scale scale neighbourhood district municipal regional
check status status planned active ended upscaled discontinued
check declared_duration declared_duration temporary structural
check coding.targeting targeting mainstreamed target-group
check coding.duration duration temporary structural
check "period.end open" end open
check target.proxy proxy true

echo "Fields of the format (docs/format.md):"
for k in format municipality id name country region population type as_of policies title \
  description domain target groups eligibility proxy instrument scale period start end \
  declared_duration funding source amount_eur note status successor contact with sources url \
  date page coding targeting duration coder; do
  has "key $k" "^[[:space:]]*(- )?$k:"
done
has "x- field at document level" '^x-[a-z-]+:'
has "x- field at municipality level" '^  x-[a-z-]+:'
has "x- field at measure level" '^    x-[a-z-]+:'
has "date YYYY" '^[[:space:]]*(start|end|date|as_of): "?[0-9]{4}"?([[:space:]]|$)'
has "date YYYY-MM" '^[[:space:]]*(start|end|date|as_of): "?[0-9]{4}-[0-9]{2}"?([[:space:]]|$)'
has "date YYYY-MM-DD" '^[[:space:]]*(start|end|date|as_of): "?[0-9]{4}-[0-9]{2}-[0-9]{2}"?([[:space:]]|$)'
has "several documents in one file (---)" '^---[[:space:]]*$'

echo "$checked checks, $missing missing"
[ "$missing" -eq 0 ]
