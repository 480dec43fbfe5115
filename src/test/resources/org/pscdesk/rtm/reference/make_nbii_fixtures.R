# Reference fixtures for stage 2, NBII (RTMDx's gamlss family NBII, Var = mu (1 + sigma)), read by
# src/test/java/org/pscdesk/rtm/model/NegBinomial1GlmReferenceTest.java.
#
# Run from this directory, after make_glm_fixtures.R (it reads glm_data_*.csv):   Rscript make_nbii_fixtures.R
# Needs R with MASS (Debian: r-base-core, r-cran-mass). Made with R 4.2.2 and MASS 7.3-58.2.
# gamlss is not packaged for Debian (apt-cache has no r-cran-gamlss), so the reference is nbii_fit() in
# glm_fixture_common.R: the maximum of the NBII log-likelihood
#   l(beta, s) = sum[lgamma(y + mu/sigma) + y s - lgamma(mu/sigma) - lgamma(y + 1) - (y + mu/sigma) log(1 + sigma)],
#   mu = exp(X beta), sigma = exp(s),
# by optim(method = "BFGS") with the analytic gradient from the Poisson coefficients and s = log(0.5), polished
# by Newton steps (finite-difference Hessian of the analytic gradient, optimHess with ndeps = 1e-5) until the
# step is below 1e-12 or every gradient component below 1e-9; standard errors from the inverse of that Hessian (observed information, as gamlss's
# vcov). The files record the largest gradient component at the optimum. sigma is kept >= 1e-8: when the
# likelihood still rises as sigma -> 0 the fit is at that bound (sigma_at_bound = TRUE, logsigma_se = NA).
#
# Writes nbii_<data>_<model>.properties: coefficients, standard errors, log sigma and its SE, sigma, logLik,
# global deviance (-2 logLik, gamlss's name), AIC and BIC counting sigma.

source("glm_fixture_common.R")

write_nbii <- function(name, model, vars) {
  d <- read_data(sprintf("glm_data_%s.csv", name))
  X <- model.matrix(formula_of(vars), d)
  f <- nbii_fit(X, d$y)
  n <- nrow(d)
  k <- ncol(X) + 1
  pr <- new_props()
  put(pr, "data", sprintf("glm_data_%s.csv", name))
  put(pr, "n", n)
  put(pr, "vars", if (length(vars)) vars else "")
  put(pr, "coef", f$coef)
  put(pr, "se", f$se)
  put(pr, "logsigma", f$logsigma)
  put(pr, "logsigma_se", f$logsigma.se)
  put(pr, "sigma", f$sigma)
  put(pr, "loglik", f$loglik)
  put(pr, "global_deviance", -2 * f$loglik)
  put(pr, "aic", -2 * f$loglik + 2 * k)
  put(pr, "bic", -2 * f$loglik + log(n) * k)
  put(pr, "sigma_at_bound", as.character(f$boundary))
  put(pr, "max_gradient", f$maxgrad)
  write_props(sprintf("nbii_%s_%s.properties", name, model),
              c(sprintf("NBII maximum-likelihood fit on glm_data_%s.csv, made by make_nbii_fixtures.R with %s",
                        name, versions),
                sprintf("call: nbii_fit(model.matrix(%s, d), d$y)  (glm_fixture_common.R)",
                        deparse(formula_of(vars), width.cutoff = 500)),
                "coef, se: intercept first, then vars in order; bic = -2 loglik + log(n) (p + 1)"), pr)
}

for (name in c("fx1", "fx2", "fx3", "fx4")) {
  vars <- strsplit(sub("^vars=", "", grep("^vars=", readLines(sprintf("glm_data_%s.properties", name)),
                                           value = TRUE)), ",")[[1]]
  write_nbii(name, "full", vars)
  write_nbii(name, "null", character())
}
write_nbii("fx3", "planted", c("bars_proximity_3", "bus_stops_density_2", "parks_proximity_2"))
