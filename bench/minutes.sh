#!/usr/bin/env bash
# Issue 8: minutes with 3 maps and 20 places, target ≤ 2 s to write. Build first: mvn -q -DskipTests package.
# Usage: bench/minutes.sh [RUNS=5]
# Writes the demo plus a second meeting (20 ranked places, 3 map views; bench/MinutesBench.java), times the
# minutes written RUNS times in one JVM (first run cold), then the whole `pscdesk minutes` command RUNS times
# per version (JVM start included, maps drawn headless), and prints the PDF sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
jar=target/pscdesk.jar
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export JAVA_TOOL_OPTIONS="-Dpscdesk.home=$work/home"  # a fresh tile cache: nothing warm from earlier runs

. bench/lib.sh

echo "== in one JVM: java -cp $jar bench/MinutesBench.java WS $runs"
java -cp "$jar" bench/MinutesBench.java "$work/bench.gpkg" "$runs" 2>&1 | grep -v JAVA_TOOL_OPTIONS
rm -rf "$work/home"
for version in partners public; do
    flag=""; [ "$version" = public ] && flag="--public"
    echo "== whole command, JVM start included: java -jar $jar minutes WS --meeting 2 --pdf OUT.pdf $flag"
    for i in $(seq "$runs"); do
        start=$(date +%s%N)
        java -jar "$jar" minutes "$work/bench.gpkg" --meeting 2 --pdf "$work/$version.pdf" --force $flag \
            >/dev/null 2>&1
        echo $(( ($(date +%s%N) - start) / 1000000 ))
    done | tee "$work/$version.txt"
    echo "median $version: $(median < "$work/$version.txt") ms; $(stat -c %s "$work/$version.pdf") bytes;" \
        "$(pdfinfo "$work/$version.pdf" 2>/dev/null | awk '/^Pages/ {print $2}') pages"
done
