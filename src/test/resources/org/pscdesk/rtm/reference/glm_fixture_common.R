# Helpers shared by the stage-2 fixture scripts (make_glm_fixtures.R, make_nb2_fixtures.R,
# make_nbii_fixtures.R, make_step_fixtures.R). Sourced, never run on its own.
#
# Needs R with MASS (Debian: r-base-core, r-cran-mass). Made with R 4.2.2 and MASS 7.3-58.2.
# Numbers are written with 17 significant digits (they read back to the same double); R's NA is written NA.

suppressPackageStartupMessages(library(MASS))

versions <- sprintf("%s; MASS %s", R.version.string, as.character(packageVersion("MASS")))

fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
fmtv <- function(x) paste(fmt(x), collapse = ",")

# ---------------------------------------------------------------------------------------------------------
# Synthetic RTM-like designs: a square grid of cells (unit = one cell), point features per factor, proximity
# bands (distance from the cell centre to the nearest feature <= d, nested in d) and density bands (quartic
# kernel density with bandwidth d above mean + 2 SD of all cells).
# ---------------------------------------------------------------------------------------------------------

grid_centres <- function(nx, ny) {
  g <- expand.grid(col = 0:(nx - 1), row = 0:(ny - 1))
  list(x = g$col + 0.5, y = g$row + 0.5)
}

random_points <- function(k, nx, ny, clustered = FALSE) {
  if (!clustered) {
    return(list(x = runif(k, 0, nx), y = runif(k, 0, ny)))
  }
  # a few clusters, so that density bands differ from proximity bands
  centres <- max(2, k %/% 8)
  cx <- runif(centres, 0.15 * nx, 0.85 * nx)
  cy <- runif(centres, 0.15 * ny, 0.85 * ny)
  which <- sample.int(centres, k, replace = TRUE)
  list(x = pmin(pmax(cx[which] + rnorm(k, 0, 2.5), 0), nx), y = pmin(pmax(cy[which] + rnorm(k, 0, 2.5), 0), ny))
}

nearest_distance <- function(cells, pts) {
  d2 <- outer(cells$x, pts$x, "-")^2 + outer(cells$y, pts$y, "-")^2
  sqrt(apply(d2, 1, min))
}

quartic_density <- function(cells, pts, h) {
  r2 <- (outer(cells$x, pts$x, "-")^2 + outer(cells$y, pts$y, "-")^2) / h^2
  k <- ifelse(r2 < 1, 3 / (pi * h^2) * (1 - r2)^2, 0)
  rowSums(k)
}

proximity_band <- function(dist, d) as.integer(dist <= d)

density_band <- function(dens) as.integer(dens > mean(dens) + 2 * sd(dens))

# Reads a data file written by write_data(): '#' header lines, then a CSV with y and the variables.
read_data <- function(file) read.csv(file, comment.char = "#")

write_data <- function(file, header, d) {
  con <- file(file, "w")
  writeLines(paste0("# ", header), con)
  writeLines(paste(names(d), collapse = ","), con)
  cols <- lapply(d, function(v) if (all(v == round(v))) sprintf("%d", as.integer(v)) else fmt(v))
  writeLines(do.call(paste, c(cols, sep = ",")), con)
  close(con)
}

# Properties files: '#' header lines, then key=value (vectors comma-separated), in insertion order.
new_props <- function() {
  env <- new.env()
  env$keys <- character()
  env$values <- character()
  env
}

put <- function(p, key, value) {
  p$keys <- c(p$keys, key)
  p$values <- c(p$values, if (is.character(value)) paste(value, collapse = ",") else fmtv(value))
}

write_props <- function(file, header, p) {
  con <- file(file, "w")
  writeLines(paste0("# ", header), con)
  writeLines(paste0(p$keys, "=", p$values), con)
  close(con)
}

# ---------------------------------------------------------------------------------------------------------
# NBII (gamlss.dist::NBII, RTMDx's family): P(y | mu, sigma) =
#   Gamma(y + mu/sigma) sigma^y / (Gamma(mu/sigma) Gamma(y + 1) (1 + sigma)^(y + mu/sigma)),
# E y = mu, Var y = mu (1 + sigma); log link for mu and for sigma (s = log sigma).
# gamlss is not packaged for Debian, so the reference is a careful maximum-likelihood fit of this pmf:
# optim(BFGS) with the analytic gradient from the Poisson coefficients and s = log(0.5), then Newton steps
# on the analytic gradient with a finite-difference Hessian (optimHess, step 1e-5) until the step is < 1e-12 or
# every gradient component is < 1e-9.
# ---------------------------------------------------------------------------------------------------------

# lgamma(y + a) - lgamma(a) = sum_{k < y} log(a + k), and the digamma difference likewise, summed
# term by term: stable when a = mu / sigma is large (sigma small), where the differences of lgamma cancel.
lgamma_diff <- function(y, a) {
  out <- numeric(length(y))
  for (k in seq_len(max(y)) - 1) out <- out + ifelse(y > k, log(a + k), 0)
  out
}

digamma_diff <- function(y, a) {
  out <- numeric(length(y))
  for (k in seq_len(max(y)) - 1) out <- out + ifelse(y > k, 1 / (a + k), 0)
  out
}

nbii_nll <- function(par, X, y) {
  k <- ncol(X)
  s <- par[k + 1]
  sigma <- exp(s)
  mu <- exp(drop(X %*% par[1:k]))
  a <- mu / sigma
  -sum(lgamma_diff(y, a) + y * s - lgamma(y + 1) - (y + a) * log1p(sigma))
}

nbii_grad <- function(par, X, y) {
  k <- ncol(X)
  s <- par[k + 1]
  sigma <- exp(s)
  mu <- exp(drop(X %*% par[1:k]))
  a <- mu / sigma
  L <- log1p(sigma)
  q <- sigma / (1 + sigma)
  d1 <- digamma_diff(y, a)
  g_eta <- a * (d1 - L)
  g_s <- sum(y - (y + a) * q - a * (d1 - L))
  -c(drop(crossprod(X, g_eta)), g_s)
}

# sigma is kept >= 1e-8 (s >= log(1e-8)): when the likelihood still increases as sigma -> 0 (no overdispersion
# of the NBII kind) the fit is reported at that bound, with beta maximized for it and no SE for log sigma.
nbii_log_sigma_min <- log(1e-8)

nbii_fit <- function(X, y) {
  k <- ncol(X)
  start <- glm.fit(X, y, family = poisson())$coefficients
  par <- c(start, log(0.5))
  o <- optim(par, nbii_nll, nbii_grad, X = X, y = y, method = "BFGS",
             control = list(maxit = 5000, reltol = 1e-16))
  par <- o$par
  h <- function(par) optimHess(par, nbii_nll, nbii_grad, X = X, y = y,
                               control = list(ndeps = rep(1e-5, length(par))))
  boundary <- FALSE
  newton <- 0
  repeat {
    # once log sigma falls within 1 of its bound (BFGS or a Newton step took it there), fix it at the bound
    if (!boundary && par[k + 1] < nbii_log_sigma_min + 1) {
      boundary <- TRUE
      par[k + 1] <- nbii_log_sigma_min
    }
    free <- if (boundary) 1:k else 1:(k + 1)
    step <- solve(h(par)[free, free, drop = FALSE], nbii_grad(par, X, y)[free])
    par[free] <- par[free] - step
    newton <- newton + 1
    settled <- max(abs(step)) < 1e-12 || max(abs(nbii_grad(par, X, y)[free])) < 1e-9
    if (settled && (boundary || par[k + 1] >= nbii_log_sigma_min + 1)) break
    stopifnot(newton < 100)
  }
  H <- h(par)[free, free, drop = FALSE]
  g <- nbii_grad(par, X, y)
  # at the bound the likelihood must still rise towards sigma -> 0 (nll gradient in s positive)
  stopifnot(max(abs(g[free])) < 1e-6, !boundary || g[k + 1] > 0)
  se <- sqrt(diag(solve(H)))
  ll <- -nbii_nll(par, X, y)
  list(coef = par[1:k], logsigma = par[k + 1], sigma = exp(par[k + 1]), se = se[1:k],
       logsigma.se = if (boundary) NA_real_ else se[k + 1], boundary = boundary,
       loglik = ll, maxgrad = max(abs(g[free])), newton = newton, n = length(y))
}

# ---------------------------------------------------------------------------------------------------------
# Bidirectional stepwise by BIC, written out so that "at most one variable per factor" can be imposed; with
# that rule off it reproduces step()/stepAIC() (the scripts check this): candidates are "<none>", then every
# drop in model term order, then every addition in pool order; order() is stable, so the first minimum wins
# and "<none>" wins ties (a move must strictly lower the criterion).
#   fit_fun(vars, current) returns list(bic = ..., fit = ..., theta = ...) for the model y ~ vars.
# ---------------------------------------------------------------------------------------------------------

stepwise_bic <- function(pool, factors, fit_fun, one_per_factor, max_steps = 100) {
  current <- character()
  cur <- fit_fun(current, NULL)
  path <- cur$bic
  moves <- character()
  for (step in seq_len(max_steps)) {
    labels <- "<none>"
    bics <- cur$bic
    fits <- list(cur)
    for (v in current) {
      f <- fit_fun(setdiff(current, v), cur)
      labels <- c(labels, paste("-", v))
      bics <- c(bics, f$bic)
      fits[[length(fits) + 1]] <- f
    }
    used <- factors[current]
    for (v in pool) {
      if (v %in% current) next
      if (one_per_factor && factors[[v]] %in% used) next
      f <- fit_fun(c(current, v), cur)
      labels <- c(labels, paste("+", v))
      bics <- c(bics, f$bic)
      fits[[length(fits) + 1]] <- f
    }
    o <- order(bics)
    if (o[1] == 1) break
    best <- o[1]
    move <- labels[best]
    v <- sub("^[-+] ", "", move)
    current <- if (startsWith(move, "-")) setdiff(current, v) else c(current, v)
    cur <- fits[[best]]
    path <- c(path, cur$bic)
    moves <- c(moves, move)
  }
  list(vars = current, fit = cur, path = path, moves = moves)
}

formula_of <- function(vars) as.formula(paste("y ~", if (length(vars)) paste(vars, collapse = " + ") else "1"))
