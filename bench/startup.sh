#!/usr/bin/env bash
# Benchmarks of issue 3: demo generation and cold start of the app to a drawn map.
# Usage: bench/startup.sh [RUNS]   (after `mvn -q -DskipTests package`; needs xvfb-run and libgtk-3-0)
# Prints one line per run and the median; record the figures in BENCHMARKS.md with the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
jar=target/pscdesk.jar
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

. bench/lib.sh

echo "== demo generation: java -jar $jar demo OUT.gpkg (wall time, JVM start included)"
for i in $(seq "$runs"); do
    rm -f "$work/demo.gpkg"
    start=$(date +%s%N)
    java -jar "$jar" demo "$work/demo.gpkg" >/dev/null
    echo $(( ($(date +%s%N) - start) / 1000000 ))
done | tee "$work/demo.txt"
echo "median demo generation: $(median < "$work/demo.txt") ms"

echo "== cold start to a drawn map: java -jar $jar gui demo.gpkg --smoke-test (under xvfb-run)"
for i in $(seq "$runs"); do
    rm -rf "$work/home"
    # a fresh tile cache each run: nothing generated before counts as warm
    xvfb-run -a -s '-screen 0 1280x800x24' java -Dpscdesk.home="$work/home" -jar "$jar" gui "$work/demo.gpkg" --smoke-test 2>&1 \
        | sed -n 's/.*drawn in \([0-9]*\) ms.*/\1/p'
done | tee "$work/start.txt"
echo "median cold start to drawn map: $(median < "$work/start.txt") ms (from JVM start)"
