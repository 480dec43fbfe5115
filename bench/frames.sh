#!/bin/bash
# Issue 6: frame times while panning and zooming a 1280×800 map with a risk surface of N cells, on the
# software renderer under Xvfb. Build first: mvn -q -DskipTests package.
# Usage: bench/frames.sh WS.gpkg [CELLS=200000] [STEPS=600] [novector|nosurface|bare]  (the last to see what costs)
set -euo pipefail
cd "$(dirname "$0")/.."
WS=${1:?workspace}
exec xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=${PRISM:-sw} -Dprism.verbose=${VERBOSE:-false} -Djavafx.animation.fullspeed=true \
    -Djava.awt.headless=true -Djavafx.platform=desktop -Dpscdesk.home="$(mktemp -d)" \
    -cp target/pscdesk.jar bench/FrameBench.java "$WS" "${2:-200000}" "${3:-600}" ${4:-}
