#!/usr/bin/env bash
# Import benchmark of issue 4: a 1,000,000-row incident CSV into a workspace (spatial index included) with a
# 512 MB heap, against GDAL's ogr2ogr on the same file; and all 36 SLMPD monthly files with the preset.
# Usage: bench/import.sh [ROWS]   (after `mvn -q -DskipTests package`; needs python3, gdal-bin, ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
jar="$PWD/target/pscdesk.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/make_incidents_csv.py "$rows" "$work/in.csv"
echo "input: $rows rows, $(du -h "$work/in.csv" | cut -f1)"

run() { # label, then the command; prints wall seconds and max RSS
    local label="$1"; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out.log" 2>&1 || { cat "$work/out.log"; exit 1; }
    read -r secs kb < "$work/time"
    echo "$label: ${secs} s, max RSS $((kb / 1024)) MB, $(python3 -c "print(f'{$rows/$secs:,.0f}')") rows/s"
}

for index in packed row; do
    rm -f "$work/ws.gpkg"
    java -jar "$jar" new "$work/ws.gpkg" --crs EPSG:26915 > /dev/null
    run "pscdesk import, R-tree $index (-Xmx512m)" java -Xmx512m -jar "$jar" import "$work/ws.gpkg" "$work/in.csv" \
        --role outcome --name incidents --crs EPSG:26915 --spatial-index "$index"
    grep -E '^Layer' "$work/out.log"
done
rm -f "$work/gdal.gpkg"
run "ogr2ogr -f GPKG (GDAL $(gdal-config --version 2>/dev/null || ogrinfo --version | cut -d' ' -f2 | tr -d ,))" \
    ogr2ogr -f GPKG "$work/gdal.gpkg" "$work/in.csv" -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y \
    -a_srs EPSG:26915 -nln incidents
ogrinfo -so "$work/gdal.gpkg" incidents | grep 'Feature Count'

shared="${PSCDESK_SHARED:-../shared}/data/stl/crime/slmpd_monthly"
if [ -d "$shared" ]; then
    rm -f "$work/stl.gpkg"
    java -jar "$jar" new "$work/stl.gpkg" --crs ESRI:102696 > /dev/null
    rows=144629
    run "all 36 SLMPD files, --preset slmpd" java -jar "$jar" import "$work/stl.gpkg" "$shared" --preset slmpd \
        --role outcome --name crimes
    grep -E '^Layer' "$work/out.log"
fi
