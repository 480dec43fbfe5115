# Reference fixtures for stage 2, negative binomial NB2 (MASS::glm.nb, Var = mu + mu^2 / theta), read by
# src/test/java/org/pscdesk/rtm/model/NegBinomial2GlmReferenceTest.java.
#
# Run from this directory, after make_glm_fixtures.R (it reads glm_data_*.csv):   Rscript make_nb2_fixtures.R
# Needs R with MASS (Debian: r-base-core, r-cran-mass). Made with R 4.2.2 and MASS 7.3-58.2.
#
# Writes nb2_<data>_<model>.properties: MASS::glm.nb(y ~ ..., data = d[, init.theta = ...]) with coefficients,
# standard errors (summary(fit), dispersion 1), z, p, theta, SE.theta, logLik, twologlik, deviance, AIC, BIC
# (BIC counts theta), the inner IRLS iterations of the last glm.fit and MASS's warning, if any.
# Every file starts with '#' lines naming R and MASS versions and the call.

source("glm_fixture_common.R")

write_nb2 <- function(name, model, vars, init_theta = NULL) {
  d <- read_data(sprintf("glm_data_%s.csv", name))
  warnings <- character()
  f <- withCallingHandlers(
    if (is.null(init_theta)) glm.nb(formula_of(vars), data = d)
    else glm.nb(formula_of(vars), data = d, init.theta = init_theta),
    warning = function(w) {
      warnings <<- c(warnings, conditionMessage(w))
      invokeRestart("muffleWarning")
    })
  s <- summary(f)$coefficients
  pr <- new_props()
  put(pr, "data", sprintf("glm_data_%s.csv", name))
  put(pr, "n", nrow(d))
  put(pr, "vars", if (length(vars)) vars else "")
  put(pr, "init_theta", if (is.null(init_theta)) "" else fmt(init_theta))
  put(pr, "coef", coef(f))
  put(pr, "se", s[, 2])
  put(pr, "z", s[, 3])
  put(pr, "p", s[, 4])
  put(pr, "theta", f$theta)
  put(pr, "theta_se", f$SE.theta)
  put(pr, "loglik", as.numeric(logLik(f)))
  put(pr, "twologlik", f$twologlik)
  put(pr, "deviance", deviance(f))
  put(pr, "aic", AIC(f))
  put(pr, "bic", BIC(f))
  put(pr, "rank", f$rank)
  put(pr, "iter", f$iter)
  put(pr, "warnings", if (length(warnings)) gsub(",", ";", warnings) else "")
  call_text <- sprintf("MASS::glm.nb(%s, data = d%s)", deparse(formula_of(vars), width.cutoff = 500),
                       if (is.null(init_theta)) "" else sprintf(", init.theta = %s", fmt(init_theta)))
  write_props(sprintf("nb2_%s_%s.properties", name, model),
              c(sprintf("glm.nb fit on glm_data_%s.csv, made by make_nb2_fixtures.R with %s", name, versions),
                sprintf("call: %s", call_text),
                "coef, se, z, p: intercept first, then vars in order (summary.negbin: dispersion 1)",
                "loglik = logLik(fit) = twologlik / 2; aic = AIC(fit); bic = BIC(fit) = -2 loglik + log(n) (rank + 1)"),
              pr)
}

for (name in c("fx1", "fx2", "fx3", "fx4")) {
  vars <- strsplit(sub("^vars=", "", grep("^vars=", readLines(sprintf("glm_data_%s.properties", name)),
                                           value = TRUE)), ",")[[1]]
  write_nb2(name, "full", vars)
  write_nb2(name, "null", character())
}
# the start used by stepAIC's refits: init.theta = a previous model's theta (first fit is NB, not Poisson)
write_nb2("fx2", "init", c("bars_proximity_1", "bus_stops_proximity_2", "parks_proximity_2", "slope"), 0.8763599)
# close to Poisson (theta about 73): from init.theta = 1 the alternation stops at its limit of 25 (MASS warns)
write_nb2("fx1", "init", c("bars_proximity_1", "bars_proximity_2", "bars_proximity_3", "bars_density_3",
                           "bus_stops_proximity_2", "bus_stops_density_2", "bus_stops_density_3",
                           "parks_proximity_2", "noise_proximity_2"), 1)
