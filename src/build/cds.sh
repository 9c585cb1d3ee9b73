#!/usr/bin/env bash
# Writes the class-data archive that bin/polcomp starts from: cds.sh JAR ARCHIVE.
#
# A class-data archive holds the JVM's parsed and verified form of the classes a run loads, so a
# run that finds its classes there skips reading and checking them. One archive serves every
# command: each command is run once on the example data (validate with and without errors,
# classify to each format, compare to each output, explain, diff, sensitivity, the codebook,
# schema, init, lineage, template and import), the classes each loads are listed
# (-XX:DumpLoadedClassList), and the union is dumped as one static archive (-Xshare:dump).
# A dynamic archive (-XX:ArchiveClassesAtExit) records a single run, so it left out the classes
# of every other command (POI for a workbook, the HTML writer, ...).
#
# The archive names the jar by its path and modification time: the JVM skips it without a word
# when either differs, so a stale archive costs start-up time, never a wrong result.
set -uo pipefail
# absolute: the training runs work in a folder of their own, where a relative jar is not found
# (and the archive would hold only the JVM's own classes)
jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
archive="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -f "$archive"
java=(java -XX:-UsePerfData -XX:+UseParallelGC -Xmx768m -Xshare:off)
n=0
train() {
  n=$((n + 1))
  (cd "$work" && "${java[@]}" -XX:DumpLoadedClassList="$work/$n.classes" -jar "$jar" "$@") \
    > /dev/null 2>&1 < /dev/null
  # exit codes 0 (fine) and 1 (invalid data, on purpose) both train; anything else is a mistake
  # in this list, shown so that it is fixed rather than silently leaving classes out
  local rc=$?
  [ "$rc" -le 1 ] || echo "cds: training run 'polcomp $*' exited $rc" >&2
}
data="$here/policies"
invented="$here/examples/invented"
train validate "$data"
train validate "$here/examples/broken" --format json
train validate "$here/examples/broken" --format github
train classify "$data"
train classify "$data" --format csv
train classify "$data" --format json
train explain XX0009/housing-task "$invented"
train compare "$data" -o "$work/c.xlsx"
train compare "$data" -o "$work/c.json"
train compare "$data" -o "$work/csv" --format csv
train compare "$data" -o "$work/c.html"
train compare "$data" -o "$work/pkg" --format datapackage
train diff "$invented" "$data"
train sensitivity "$invented" --samples 20 -o "$work/s.json"
train codebook
train schema
train lineage
train init GM0344 Groningen -o "$work/init.yaml"
train template "$invented" -o "$work/t.xlsx"
train import "$work/t.xlsx" -o "$work/imported"
# The union in the order of first loading (a lambda's line names classes listed above it), each
# line as many times as one run listed it: two lambdas of the same shape in one class (two
# `Term::id` say) are one line each, and the dump archives one lambda class per line, so a line
# kept once left the second to be made at run time (9 of the 12 lambdas a compare to JSON made
# then).
lists=()
for i in $(seq "$n"); do
  [ ! -f "$work/$i.classes" ] || lists+=("$work/$i.classes")
done
awk 'FNR == 1 { delete run } ++run[$0] > kept[$0] { kept[$0]++; print }' "${lists[@]}" \
  > "$work/all.classes"
"${java[@]}" -Xshare:dump -XX:SharedClassListFile="$work/all.classes" \
  -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jar" \
  > "$work/dump.log" 2>&1
if [ ! -s "$archive" ]; then
  echo "cds: no class-data archive (optional, start-up is slower); see:" >&2
  tail -5 "$work/dump.log" >&2
  rm -f "$archive"
fi
exit 0
