#!/usr/bin/env bash
# RTM benchmark of issue 5: the whole `pscdesk rtm` command against the R pipeline an analyst would run on the
# same exported cell table (cv.glmnet with the same alpha and fold ids, then MASS::stepAIC on glm.nb from the
# null model with k = log(n) over the survivors), timed in one run.
# Usage: bench/rtm.sh WS.gpkg OUTCOME FACTORS [extra pscdesk rtm options...]
#   e.g. bench/rtm.sh stl.gpkg violent_2018 bus_stops,bars,... --block-length 400ft --cell-size 200ft --increment half
# Needs: target/pscdesk.jar, Rscript with MASS and glmnet (apt-get install r-base-core r-cran-mass r-cran-glmnet).
set -euo pipefail
cd "$(dirname "$0")/.."
ws="$1"; outcome="$2"; factors="$3"; shift 3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
/usr/bin/time -f "%e %M" -o "$work/time" java -jar target/pscdesk.jar rtm "$ws" --outcome "$outcome" \
    --factors "$factors" "$@" --family nb2 --json "$work/result.json" --export-cells "$work/cells.csv" > /dev/null 2>&1
read -r secs kb < "$work/time"
python3 - "$work/result.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"pscdesk: {d['n_cells']} cells, {len(d['candidates'])} candidates, {len(d['screened'])} screened, "
      f"family {d['family']}, BIC {d['bic']:.4f}, elapsed_ms {d['elapsed_ms']}")
print("  terms: " + ", ".join(t['name'] for t in d['terms']))
PY
echo "pscdesk wall: ${secs} s, max RSS $((kb / 1024)) MB"
cat > "$work/pipeline.R" <<'R'
suppressMessages({library(MASS); library(glmnet)})
args <- commandArgs(TRUE)
d <- read.csv(args[1]); n <- nrow(d)
cand <- setdiff(names(d), c("cell_id", "row", "col", "x", "y", "count", "rrs", "class", "quadrant"))
t0 <- proc.time()[["elapsed"]]
X <- as.matrix(d[, cand]); fid <- (0:(n - 1)) %% 10 + 1
cv <- cv.glmnet(X, d$count, family = "poisson", alpha = 0.5, foldid = fid)
b <- as.matrix(coef(cv, s = "lambda.min"))[-1, 1]
keep <- names(b)[b != 0]
t1 <- proc.time()[["elapsed"]]
scope <- as.formula(paste("~", paste(keep, collapse = " + ")))
m <- stepAIC(glm.nb(count ~ 1, data = d), scope = scope, direction = "both", k = log(n), trace = 0)
t2 <- proc.time()[["elapsed"]]
cat(sprintf("R: screen %.1f s (%d kept), stepAIC glm.nb %.1f s, total %.1f s; BIC %.4f; terms: %s\n",
            t1 - t0, length(keep), t2 - t1, t2 - t0, BIC(m), paste(names(coef(m))[-1], collapse = ", ")))
R
/usr/bin/time -f "R wall: %e s" Rscript "$work/pipeline.R" "$work/cells.csv"
