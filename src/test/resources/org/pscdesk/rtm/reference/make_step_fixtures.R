# Reference fixtures for stage 2, bidirectional stepwise selection by BIC from the null model, for Poisson,
# NB2 and NBII, read by src/test/java/org/pscdesk/rtm/select/StepwiseBicReferenceTest.java.
#
# Run from this directory, after make_glm_fixtures.R (it reads glm_data_*.csv):   Rscript make_step_fixtures.R
# Needs R with MASS (Debian: r-base-core, r-cran-mass). Made with R 4.2.2 and MASS 7.3-58.2.
#
# Calls, with n = nrow(d) and all candidate variables in the data file's order as the scope:
#   Poisson, any variables:  step(glm(y ~ 1, poisson, d), scope = ~ v1 + ..., direction = "both", k = log(n))
#   NB2, any variables:      MASS::stepAIC(glm.nb(y ~ 1, data = d), scope = ~ v1 + ..., direction = "both",
#                                          k = log(n))   (its refits start from init.theta = the current theta)
#   everything else:         stepwise_bic() in glm_fixture_common.R, the same search written out so that "at
#                            most one variable per factor" can be imposed; the script checks that with the rule
#                            off it takes the same path as step()/stepAIC(). NBII fits are nbii_fit().
# BIC always counts the dispersion parameter (stepAIC's extractAIC.negbin does not: a constant log(n) less for
# every NB2 model, which does not change its choices).
#
# Writes step_<data>.properties with, per <family>.<rule> (family poisson, nb2, nbii; rule any or onefactor):
#   vars   the selected variables in order of entry;  moves  the moves taken ("+ v", "- v")
#   path   BIC of the null model and after each move
#   coef, se (intercept first, then vars), loglik, bic, and theta / theta_se (nb2) or sigma / logsigma /
#   logsigma_se (nbii) of the final model.

source("glm_fixture_common.R")

quiet <- function(expr) withCallingHandlers(expr, warning = function(w) invokeRestart("muffleWarning"))

poisson_fun <- function(vars, cur) {
  f <- glm(formula_of(vars), family = poisson, data = d)
  list(bic = BIC(f), fit = f)
}

nb2_fun <- function(vars, cur) {
  f <- quiet(if (is.null(cur)) glm.nb(formula_of(vars), data = d)
             else glm.nb(formula_of(vars), data = d, init.theta = signif(cur$fit$theta, 10)))
  list(bic = BIC(f), fit = f)
}

nbii_fun <- function(vars, cur) {
  f <- nbii_fit(model.matrix(formula_of(vars), d), d$y)
  list(bic = -2 * f$loglik + log(nrow(d)) * (length(f$coef) + 1), fit = f)
}

record <- function(pr, key, s, family) {
  put(pr, paste0(key, ".vars"), if (length(s$vars)) s$vars else "")
  put(pr, paste0(key, ".moves"), if (length(s$moves)) s$moves else "")
  put(pr, paste0(key, ".path"), s$path)
  f <- s$fit$fit
  if (family == "nbii") {
    put(pr, paste0(key, ".coef"), f$coef)
    put(pr, paste0(key, ".se"), f$se)
    put(pr, paste0(key, ".loglik"), f$loglik)
    put(pr, paste0(key, ".sigma"), f$sigma)
    put(pr, paste0(key, ".logsigma"), f$logsigma)
    put(pr, paste0(key, ".logsigma_se"), f$logsigma.se)
  } else {
    put(pr, paste0(key, ".coef"), coef(f))
    put(pr, paste0(key, ".se"), summary(f)$coefficients[, 2])
    put(pr, paste0(key, ".loglik"), as.numeric(logLik(f)))
    if (family == "nb2") {
      put(pr, paste0(key, ".theta"), f$theta)
      put(pr, paste0(key, ".theta_se"), f$SE.theta)
    }
  }
  put(pr, paste0(key, ".bic"), s$fit$bic)
}

# the terms of a step()/stepAIC() result in order of entry, and its path with BIC counting theta for NB2
r_step_summary <- function(fit, extra) {
  list(vars = attr(terms(fit), "term.labels"), moves = as.character(fit$anova$Step[-1]),
       path = fit$anova$AIC + extra)
}

same_path <- function(custom, r) {
  stopifnot(identical(custom$vars, r$vars), identical(gsub(" ", "", custom$moves), gsub(" ", "", r$moves)),
            isTRUE(all.equal(custom$path, r$path, tolerance = 1e-9)))
}

for (name in c("fx1", "fx2", "fx3", "fx4")) {
  d <- read_data(sprintf("glm_data_%s.csv", name))
  lines <- readLines(sprintf("glm_data_%s.properties", name))
  vars <- strsplit(sub("^vars=", "", grep("^vars=", lines, value = TRUE)), ",")[[1]]
  factors <- strsplit(sub("^factors=", "", grep("^factors=", lines, value = TRUE)), ",")[[1]]
  names(factors) <- vars
  n <- nrow(d)
  scope <- as.formula(paste("~", paste(vars, collapse = " + ")))
  pr <- new_props()
  put(pr, "data", sprintf("glm_data_%s.csv", name))
  put(pr, "n", n)
  put(pr, "candidates", vars)
  put(pr, "factors", factors)

  # Poisson
  rs <- step(glm(y ~ 1, family = poisson, data = d), scope = scope, direction = "both", k = log(n), trace = 0)
  r <- r_step_summary(rs, 0)
  s <- stepwise_bic(vars, factors, poisson_fun, one_per_factor = FALSE)
  same_path(s, r)
  s$fit <- list(fit = rs, bic = BIC(rs))
  record(pr, "poisson.any", s, "poisson")
  record(pr, "poisson.onefactor", stepwise_bic(vars, factors, poisson_fun, one_per_factor = TRUE), "poisson")

  # NB2
  rs <- quiet(stepAIC(glm.nb(y ~ 1, data = d), scope = scope, direction = "both", k = log(n), trace = 0))
  r <- r_step_summary(rs, log(n))
  s <- stepwise_bic(vars, factors, nb2_fun, one_per_factor = FALSE)
  same_path(s, r)
  s$fit <- list(fit = rs, bic = BIC(rs))
  record(pr, "nb2.any", s, "nb2")
  record(pr, "nb2.onefactor", stepwise_bic(vars, factors, nb2_fun, one_per_factor = TRUE), "nb2")

  # NBII
  record(pr, "nbii.any", stepwise_bic(vars, factors, nbii_fun, one_per_factor = FALSE), "nbii")
  record(pr, "nbii.onefactor", stepwise_bic(vars, factors, nbii_fun, one_per_factor = TRUE), "nbii")

  write_props(sprintf("step_%s.properties", name),
              c(sprintf("stepwise BIC on glm_data_%s.csv, made by make_step_fixtures.R with %s", name, versions),
                sprintf("calls: step(glm(y ~ 1, poisson, d), scope = ~ %s, direction = \"both\", k = log(%d));",
                        paste(vars, collapse = " + "), n),
                "MASS::stepAIC(glm.nb(y ~ 1, data = d), same scope, direction = \"both\", k = log(n));",
                "stepwise_bic() (glm_fixture_common.R) for onefactor and for NBII; see make_step_fixtures.R"), pr)
}
