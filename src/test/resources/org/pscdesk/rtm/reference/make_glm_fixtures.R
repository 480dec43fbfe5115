# Reference fixtures for stage 2, Poisson GLM (and the synthetic designs every stage-2 fixture uses), read by
# src/test/java/org/pscdesk/rtm/model/PoissonGlmReferenceTest.java and SpecialFunctionsTest.java.
#
# Run from this directory, before the other make_*_fixtures.R scripts:   Rscript make_glm_fixtures.R
# Needs R with MASS (Debian: r-base-core, r-cran-mass). Made with R 4.2.2 and MASS 7.3-58.2.
#
# Writes
#   glm_data_<name>.csv            y and the candidate variables, one row per cell (table order)
#   glm_data_<name>.properties     the variables' factors, the seed and the planted model
#   glm_<name>_<model>.properties  glm(y ~ ..., family = poisson) on that data: coefficients, standard errors,
#                                  z, p, logLik, deviance, AIC, BIC, iterations; NA = aliased (R drops it)
#   glm_special_functions.csv      lgamma, digamma, trigamma and 2 * pnorm(-|z|) at chosen points
# Every file starts with '#' lines naming R and MASS versions, the call and the seed.

source("glm_fixture_common.R")

make_design <- function(seed, nx, ny, numeric_slope = FALSE) {
  set.seed(seed)
  cells <- grid_centres(nx, ny)
  bars <- random_points(20, nx, ny, clustered = TRUE)
  bus <- random_points(40, nx, ny, clustered = TRUE)
  parks <- random_points(10, nx, ny)
  noise <- random_points(10, nx, ny)
  db <- nearest_distance(cells, bars)
  dbus <- nearest_distance(cells, bus)
  d <- data.frame(
    bars_proximity_1 = proximity_band(db, 2),
    bars_proximity_2 = proximity_band(db, 4),
    bars_proximity_3 = proximity_band(db, 6),
    bars_density_3 = density_band(quartic_density(cells, bars, 6)),
    bus_stops_proximity_2 = proximity_band(dbus, 3),
    bus_stops_density_2 = density_band(quartic_density(cells, bus, 3)),
    bus_stops_density_3 = density_band(quartic_density(cells, bus, 4.5)),
    parks_proximity_2 = proximity_band(nearest_distance(cells, parks), 4),
    noise_proximity_2 = proximity_band(nearest_distance(cells, noise), 4))
  if (numeric_slope) d$slope <- round(rnorm(nrow(d)), 6)
  d
}

# fx4: a design for the stepwise search, where a hub band (the union of two other factors' inner bands plus 3 %
# random cells) enters first and is dropped once those bands are in, and two bands of one factor (bars) both
# carry an effect, so that the one-variable-per-factor rule changes the selection
make_design_fx4 <- function(seed, nx, ny) {
  set.seed(seed)
  cells <- grid_centres(nx, ny)
  bars <- random_points(24, nx, ny, clustered = TRUE)
  bus <- random_points(30, nx, ny)
  liquor <- random_points(20, nx, ny, clustered = TRUE)
  parks <- random_points(10, nx, ny)
  noise <- random_points(12, nx, ny)
  db <- nearest_distance(cells, bars)
  dbus <- nearest_distance(cells, bus)
  dl <- nearest_distance(cells, liquor)
  d <- data.frame(
    bars_proximity_1 = proximity_band(db, 2),
    bars_proximity_2 = proximity_band(db, 4),
    bars_proximity_3 = proximity_band(db, 6),
    bars_density_2 = density_band(quartic_density(cells, bars, 4)),
    bus_stops_proximity_1 = proximity_band(dbus, 2),
    bus_stops_proximity_2 = proximity_band(dbus, 4),
    liquor_proximity_1 = proximity_band(dl, 2),
    liquor_proximity_2 = proximity_band(dl, 4),
    parks_proximity_2 = proximity_band(nearest_distance(cells, parks), 4),
    noise_proximity_2 = proximity_band(nearest_distance(cells, noise), 4))
  d$hub_proximity_2 <- pmax(d$bus_stops_proximity_1, d$liquor_proximity_1, rbinom(nrow(d), 1, 0.03))
  d
}

planted_text <- function(e) gsub(" +", " ", paste(deparse(e), collapse = " "))

factor_of <- function(v) sub("_(proximity|density)_[0-9]+$", "", v)

fixtures <- list(
  fx1 = list(seed = 20240601, nx = 60, ny = 60, slope = FALSE, family = "poisson",
             eta = quote(-1.5 + 0.9 * bars_proximity_2 + 0.7 * bus_stops_density_3 - 0.6 * parks_proximity_2)),
  fx2 = list(seed = 20240602, nx = 70, ny = 70, slope = TRUE, family = "nb2", theta = 1.3,
             eta = quote(-1.0 + 0.8 * bars_proximity_1 + 0.5 * bus_stops_proximity_2 - 0.5 * parks_proximity_2
                         + 0.25 * slope)),
  fx3 = list(seed = 20240603, nx = 64, ny = 64, slope = FALSE, family = "nbii", sigma = 1.5,
             eta = quote(-0.8 + 1.0 * bars_proximity_3 + 0.6 * bus_stops_density_2 - 0.7 * parks_proximity_2)),
  fx4 = list(seed = 20240604, nx = 80, ny = 60, slope = FALSE, family = "nb2", theta = 2,
             eta = quote(-1.6 + 0.6 * bars_proximity_1 + 0.4 * bars_proximity_3 + 1.0 * bus_stops_proximity_1
                         + 1.0 * liquor_proximity_1 - 0.5 * parks_proximity_2)))

write_glm <- function(name, model, d, vars, call_text) {
  n <- nrow(d)
  f <- glm(formula_of(vars), family = poisson, data = d)
  s <- summary(f)$coefficients
  coef <- coef(f)
  se <- z <- p <- rep(NA_real_, length(coef))
  names(se) <- names(z) <- names(p) <- names(coef)
  se[rownames(s)] <- s[, 2]
  z[rownames(s)] <- s[, 3]
  p[rownames(s)] <- s[, 4]
  pr <- new_props()
  put(pr, "data", sprintf("glm_data_%s.csv", name))
  put(pr, "n", n)
  put(pr, "vars", if (length(vars)) vars else "")
  put(pr, "coef", coef)
  put(pr, "se", se)
  put(pr, "z", z)
  put(pr, "p", p)
  put(pr, "rank", f$rank)
  put(pr, "loglik", as.numeric(logLik(f)))
  put(pr, "deviance", deviance(f))
  put(pr, "null_deviance", f$null.deviance)
  put(pr, "aic", AIC(f))
  put(pr, "bic", BIC(f))
  put(pr, "iter", f$iter)
  put(pr, "converged", as.character(f$converged))
  write_props(sprintf("glm_%s_%s.properties", name, model),
              c(sprintf("glm fit on glm_data_%s.csv, made by make_glm_fixtures.R with %s", name, versions),
                sprintf("call: %s", call_text),
                "coef, se, z, p: intercept first, then vars in order; NA = aliased (dropped by R's QR)",
                "loglik = logLik(fit); bic = BIC(fit) = -2 loglik + log(n) rank"), pr)
}

for (name in names(fixtures)) {
  fx <- fixtures[[name]]
  d <- if (name == "fx4") make_design_fx4(fx$seed, fx$nx, fx$ny) else make_design(fx$seed, fx$nx, fx$ny, fx$slope)
  set.seed(fx$seed + 1000)
  mu <- exp(eval(fx$eta, d))
  y <- switch(fx$family,
              poisson = rpois(length(mu), mu),
              nb2 = rnbinom(length(mu), size = fx$theta, mu = mu),
              nbii = rnbinom(length(mu), size = mu / fx$sigma, prob = 1 / (1 + fx$sigma)))
  d <- cbind(y = y, d)
  vars <- setdiff(names(d), "y")
  truth <- switch(fx$family, poisson = "Poisson", nb2 = sprintf("NB2 with theta = %g", fx$theta),
                  nbii = sprintf("NBII with sigma = %g (Var = mu (1 + sigma))", fx$sigma))
  write_data(sprintf("glm_data_%s.csv", name),
             c(sprintf("fixture %s, made by make_glm_fixtures.R with %s", name, versions),
               sprintf("seed: set.seed(%d) before the design, set.seed(%d) before drawing y", fx$seed, fx$seed + 1000),
               sprintf("grid %d x %d cells = %d rows; planted model: y ~ %s, log mu = %s", fx$nx, fx$ny, nrow(d),
                       truth, planted_text(fx$eta)),
               "columns: y = count per cell, then the candidate variables"), d)
  pr <- new_props()
  put(pr, "vars", vars)
  put(pr, "factors", factor_of(vars))
  put(pr, "seed", fx$seed)
  put(pr, "planted", planted_text(fx$eta))
  put(pr, "family", fx$family)
  write_props(sprintf("glm_data_%s.properties", name),
              c(sprintf("fixture %s, made by make_glm_fixtures.R with %s", name, versions),
                "factors: the factor each variable belongs to (one-variable-per-factor rule)"), pr)
  write_glm(name, "full", d, vars, sprintf("glm(y ~ %s, family = poisson, data = d)", paste(vars, collapse = " + ")))
  write_glm(name, "null", d, character(), "glm(y ~ 1, family = poisson, data = d)")
}

# aliasing: a constant column and an exact copy of another column, in R's column order
d <- read_data("glm_data_fx1.csv")
d$const_one <- 1
d$bars_copy <- d$bars_proximity_2
d$all_zero <- 0
vars <- c("bars_proximity_2", "const_one", "bus_stops_density_3", "bars_copy", "all_zero", "parks_proximity_2")
write_glm("fx1", "alias", d, vars,
          paste("glm(y ~", paste(vars, collapse = " + "), ", family = poisson, data = d) with const_one = 1,",
                "bars_copy = bars_proximity_2, all_zero = 0 added to glm_data_fx1.csv"))

# special functions
x <- c(1e-300, 1e-10, 1e-3, 0.1, 0.5, 1, 1.4616321449683623, 1.5, 2, 2.5, 3, 4.75, 7.9, 9.999, 10, 10.5, 20, 33.3,
       100.25, 1e3, 12345.678, 1e6, 1e10, 1e15)
z <- c(0, 1e-8, 0.3, 1, 1.959963984540054, 2.5, 3, 3.5, 4.5, 6, 8.3, 12, 20, 37.5)
con <- file("glm_special_functions.csv", "w")
writeLines(c(sprintf("# special functions, made by make_glm_fixtures.R with %s", versions),
             "# kind,x,value: lgamma(x), digamma(x), trigamma(x); pnorm2 = 2 * pnorm(-abs(x))",
             "kind,x,value"), con)
writeLines(c(paste("lgamma", fmt(x), fmt(lgamma(x)), sep = ","),
             paste("digamma", fmt(x), fmt(digamma(x)), sep = ","),
             paste("trigamma", fmt(x[-1]), fmt(trigamma(x[-1])), sep = ","),
             paste("pnorm2", fmt(z), fmt(2 * pnorm(-abs(z))), sep = ",")), con)
close(con)
