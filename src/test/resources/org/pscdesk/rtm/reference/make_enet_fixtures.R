# Reference fixtures for stage 1 (elastic-net penalized Poisson with cross-validation), read by
# src/test/java/org/pscdesk/rtm/model/ElasticNetReferenceTest.java.
#
# Run from this directory:   Rscript make_enet_fixtures.R
# Needs R with glmnet (Debian: r-base-core, r-cran-glmnet). Made with R 4.2.2 and glmnet 4.1-6.
#
# Each fixture <name> writes
#   enet_<name>_data.csv           y and the candidate variables, one row per cell in table order
#   enet_<name>_path.csv           the full-data path: lambda, dev.ratio, df, intercept, coefficients per lambda
#   enet_<name>_cv.csv             cv.glmnet per lambda: cvm, cvsd, nzero
#   enet_<name>_summary.properties lambda_max, lambda.min, lambda.1se, their indices and the non-zero sets
#   enet_<name>_fixed.csv          (some fixtures) a fit on a user-given lambda sequence
#   enet_<name>_nostd_path.csv     (some fixtures) the path with standardize = FALSE
#   enet_lambda_interp.csv         glmnet:::lambda.interp on the 'bands' path for chosen s values
# Every file starts with '#' lines naming R and glmnet versions, the call and the seed.
# Numbers are written with 17 significant digits (they read back to the same double).

suppressPackageStartupMessages(library(glmnet))

versions <- sprintf("%s; glmnet %s", R.version.string, as.character(packageVersion("glmnet")))

fmt <- function(x) sprintf("%.17g", x)

write_table <- function(file, header, df) {
  con <- file(file, "w")
  writeLines(paste0("# ", header), con)
  writeLines(paste(names(df), collapse = ","), con)
  cols <- lapply(df, function(v) if (is.numeric(v) && !all(v == round(v))) fmt(v) else
    if (is.numeric(v)) sprintf("%.17g", v) else as.character(v))
  writeLines(do.call(paste, c(cols, sep = ",")), con)
  close(con)
}

# Band-like binary variables on a grid: for each factor, features at random points, proximity bands
# [distance <= d] (nested in d) and density bands [quartic KDE > mean + 2 SD] for several bandwidths.
grid_cells <- function(nx, ny) list(cx = rep(seq_len(nx) - 0.5, times = ny), cy = rep(seq_len(ny) - 0.5, each = nx))

factor_bands <- function(cells, nfeat, nx, ny, prox_d, dens_h, name) {
  px <- runif(nfeat, 0, nx); py <- runif(nfeat, 0, ny)
  n <- length(cells$cx)
  dist <- rep(Inf, n); dens <- matrix(0, n, length(dens_h))
  for (k in seq_len(nfeat)) {
    r <- sqrt((cells$cx - px[k])^2 + (cells$cy - py[k])^2)
    dist <- pmin(dist, r)
    for (b in seq_along(dens_h)) {
      h <- dens_h[b]
      dens[, b] <- dens[, b] + ifelse(r < h, 3 / (pi * h^2) * (1 - (r / h)^2)^2, 0)
    }
  }
  out <- list()
  for (d in prox_d) out[[sprintf("%s_proximity_%g", name, d)]] <- as.integer(dist <= d)
  for (b in seq_along(dens_h)) {
    v <- dens[, b]
    out[[sprintf("%s_density_%g", name, dens_h[b])]] <- as.integer(v > mean(v) + 2 * sd(v))
  }
  out
}

path_frame <- function(g) {
  cbind(data.frame(lambda = g$lambda, dev_ratio = g$dev.ratio, df = g$df, intercept = unname(g$a0)),
        t(as.matrix(g$beta)))
}

run_fixture <- function(name, X, y, alpha, seed, fixed_lambda = NULL, nostd = FALSE) {
  n <- nrow(X)
  fid <- (0:(n - 1)) %% 10 + 1
  call_fit <- sprintf("glmnet(X, y, family = \"poisson\", alpha = %g)", alpha)
  call_cv <- sprintf("cv.glmnet(X, y, family = \"poisson\", alpha = %g, foldid = (0:(n-1)) %%%% 10 + 1)", alpha)
  header <- c(sprintf("fixture %s, made by make_enet_fixtures.R with %s", name, versions),
              sprintf("seed: set.seed(%d) before building the design", seed),
              sprintf("n = %d cells, p = %d variables", n, ncol(X)))

  data <- data.frame(y = y, X, check.names = FALSE)
  write_table(sprintf("enet_%s_data.csv", name), c(header, "columns: y = count per cell, then the candidate variables"), data)

  g <- glmnet(X, y, family = "poisson", alpha = alpha)
  cv <- cv.glmnet(X, y, family = "poisson", alpha = alpha, foldid = fid)
  stopifnot(isTRUE(all.equal(g$lambda, cv$glmnet.fit$lambda, tolerance = 0)))

  beta <- as.matrix(g$beta)
  path <- data.frame(lambda = g$lambda, dev_ratio = g$dev.ratio, df = g$df, intercept = unname(g$a0))
  path <- cbind(path, t(beta))
  write_table(sprintf("enet_%s_path.csv", name), c(header, paste("call:", call_fit),
              "one row per lambda of the path: lambda, dev.ratio, df, a0, then beta (original scale)"), path)

  cvt <- data.frame(lambda = cv$lambda, cvm = cv$cvm, cvsd = cv$cvsd, nzero = unname(cv$nzero))
  write_table(sprintf("enet_%s_cv.csv", name), c(header, paste("call:", call_cv),
              "one row per lambda: cvm and cvsd (Poisson deviance, grouped by fold), nzero of the full fit"), cvt)

  nz <- function(s) {
    b <- as.matrix(coef(cv, s = s))[-1, 1]
    paste(names(b)[b != 0], collapse = ",")
  }
  props <- c(
    paste0("# ", header),
    paste0("# calls: ", call_fit, "; ", call_cv),
    paste0("alpha=", fmt(alpha)),
    paste0("nfolds=", 10),
    paste0("nobs=", n),
    paste0("nvars=", ncol(X)),
    paste0("lambda_max=", fmt(g$lambda[1])),
    paste0("path_length=", length(g$lambda)),
    paste0("nulldev=", fmt(g$nulldev)),
    paste0("npasses=", g$npasses),
    paste0("lambda_min=", fmt(cv$lambda.min)),
    paste0("lambda_1se=", fmt(cv$lambda.1se)),
    paste0("index_min=", cv$index["min", 1]),
    paste0("index_1se=", cv$index["1se", 1]),
    paste0("selected_min=", nz("lambda.min")),
    paste0("selected_1se=", nz("lambda.1se")))
  writeLines(props, sprintf("enet_%s_summary.properties", name))

  if (!is.null(fixed_lambda)) {
    gf <- glmnet(X, y, family = "poisson", alpha = alpha, lambda = fixed_lambda)
    bf <- as.matrix(gf$beta)
    fx <- data.frame(lambda = gf$lambda, dev_ratio = gf$dev.ratio, df = gf$df, intercept = unname(gf$a0))
    fx <- cbind(fx, t(bf))
    write_table(sprintf("enet_%s_fixed.csv", name), c(header,
                sprintf("call: glmnet(X, y, family = \"poisson\", alpha = %g, lambda = c(%s))", alpha,
                        paste(fmt(fixed_lambda), collapse = ", ")),
                "one row per given lambda (decreasing): lambda, dev.ratio, df, a0, then beta"), fx)
  }
  if (nostd) {
    gn <- glmnet(X, y, family = "poisson", alpha = alpha, standardize = FALSE)
    write_table(sprintf("enet_%s_nostd_path.csv", name), c(header,
                sprintf("call: glmnet(X, y, family = \"poisson\", alpha = %g, standardize = FALSE)", alpha),
                "one row per lambda of the path: lambda, dev.ratio, df, a0, then beta"), path_frame(gn))
  }
  invisible(list(g = g, cv = cv))
}

# ---- bands: 4 factors x (3 nested proximity bands + 3 density bands), noise, a variable with no events,
# ---- a constant column; planted model on three band variables. n = 6000, p = 30.
seed <- 20240501
set.seed(seed)
nx <- 80; ny <- 75; cells <- grid_cells(nx, ny); n <- nx * ny
vars <- list()
feats <- c(bars = 25, bus_stops = 90, schools = 12, vacant = 60)
for (f in names(feats)) vars <- c(vars, factor_bands(cells, feats[[f]], nx, ny, c(1, 2, 3), c(2, 3, 4), f))
for (k in 1:4) vars[[sprintf("noise_%d", k)]] <- rbinom(n, 1, c(0.05, 0.15, 0.3, 0.5)[k])
X <- do.call(cbind, vars)
eta <- -2.2 + 0.9 * X[, "bars_proximity_2"] + 0.6 * X[, "vacant_density_3"] + 0.35 * X[, "bus_stops_proximity_1"]
y <- rpois(n, exp(eta))
no_events <- integer(n); no_events[sample(which(y == 0), 40)] <- 1L
X <- cbind(X, no_events = no_events, constant = 1L)
bands <- run_fixture("bands", X, y, alpha = 0.5, seed = seed)

# glmnet:::lambda.interp (how predict.glmnet places a lambda on a path) for s values around the bands path
lam <- bands$g$lambda
s <- c(lam[1] * 2, lam[1], lam[2], (lam[2] + lam[3]) / 2, lam[10] * 0.999 + lam[11] * 0.001,
       (lam[40] + lam[41]) / 2, lam[length(lam)], lam[length(lam)] / 2, 0)
li <- glmnet:::lambda.interp(lam, s)
write_table("enet_lambda_interp.csv", c(
  sprintf("glmnet:::lambda.interp(lambda, s) with %s; lambda = the path in enet_bands_path.csv", versions),
  "left and right are 1-based path indices; the solution at s is frac * left + (1 - frac) * right"),
  data.frame(s = s, left = li$left, right = li$right, frac = li$frac))

# ---- mixed: binary and numeric (non-0/1) columns, lasso (alpha = 1), n = 3000, p = 12, plus a fit on
# ---- a given lambda sequence.
seed <- 777
set.seed(seed)
nx <- 60; ny <- 50; cells <- grid_cells(nx, ny); n <- nx * ny
b1 <- factor_bands(cells, 30, nx, ny, c(1.5, 3), c(3), "liquor")
b2 <- factor_bands(cells, 15, nx, ny, c(2, 4), c(4), "gas")
X <- do.call(cbind, c(b1, b2))
px <- runif(20, 0, nx); py <- runif(20, 0, ny)
d <- sapply(seq_len(n), function(i) min(sqrt((cells$cx[i] - px)^2 + (cells$cy[i] - py)^2)))
X <- cbind(X, park_distance = round(d, 3), park_count_5 = sapply(seq_len(n), function(i)
  sum(sqrt((cells$cx[i] - px)^2 + (cells$cy[i] - py)^2) <= 5)),
  pop = round(rgamma(n, 2, 1), 2), noise_a = rbinom(n, 1, 0.2), noise_b = rbinom(n, 1, 0.6),
  noise_c = round(rnorm(n), 4))
eta <- -1.5 + 0.7 * X[, "liquor_proximity_1.5"] - 0.08 * X[, "park_distance"] + 0.15 * X[, "pop"]
y <- rpois(n, exp(eta))
run_fixture("mixed", X, y, alpha = 1, seed = seed, fixed_lambda = c(0.2, 0.05, 0.02, 0.005, 0.001),
            nostd = TRUE)

# ---- wide: p > n (lambda.min.ratio = 0.01), n = 60, p = 80.
seed <- 4242
set.seed(seed)
n <- 60; p <- 80
X <- matrix(rbinom(n * p, 1, 0.25), n, p, dimnames = list(NULL, sprintf("v%02d", 1:p)))
y <- rpois(n, exp(-0.2 + 0.9 * X[, 1] + 0.7 * X[, 2] - 0.6 * X[, 3]))
run_fixture("wide", X, y, alpha = 0.5, seed = seed)

# ---- tiny: fewer than 3 cells per fold, so cv.glmnet uses per-cell (ungrouped) statistics; n = 25, p = 4.
seed <- 99
set.seed(seed)
n <- 25
X <- cbind(a = rbinom(n, 1, 0.4), b = rbinom(n, 1, 0.5), c = round(runif(n), 3), d = rbinom(n, 1, 0.3))
y <- rpois(n, exp(0.3 + 0.8 * X[, "a"] - 0.5 * X[, "d"]))
suppressWarnings(run_fixture("tiny", X, y, alpha = 0.5, seed = seed))
