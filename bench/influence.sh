#!/bin/bash
# Issue 5: time the cell universe and every factor's influence layers (both operationalizations, half
# increments) on a workspace, in-process after reading it. Build first: mvn -q -DskipTests package.
# Usage: bench/influence.sh WS.gpkg [CELL=200] [BLOCK=400] [BLOCKS=3] [RUNS=9] [THREADS=2,1] [raster]
# The first run of the first thread count is cold (JIT); later runs are warm. Distances in working-CRS units.
set -euo pipefail
cd "$(dirname "$0")/.."
WS=${1:?workspace}
exec java -Xmx4g -cp target/pscdesk.jar bench/InfluenceBench.java "$WS" "${2:-200}" "${3:-400}" "${4:-3}" \
    "${5:-9}" "${6:-2,1}" ${7:-}
