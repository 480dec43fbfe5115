# Refits the model `pscdesk rtm` selected, in R, on the cell table it exported (--export-cells), and prints
# coefficients, standard errors, log-likelihood and BIC for comparison with the JSON result (issue 5:
# "a documented run ... whose selected model you refit in R on the exported cell table").
# Usage: Rscript bench/refit.R CELLS.csv FAMILY TERM1,TERM2,...     (FAMILY: poisson | nb2 | nbii)
# Poisson: glm; NB2: MASS::glm.nb; NBII: the careful ML fit of the test fixtures (optim on the gamlss NBII pmf,
# then Newton steps; gamlss itself is not packaged for Debian), from src/test/resources/.../reference.
suppressMessages(library(MASS))
args <- commandArgs(TRUE)
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "../src/test/resources/org/pscdesk/rtm/reference/glm_fixture_common.R"), chdir = TRUE)
d <- read.csv(args[1]); family <- args[2]; terms <- strsplit(args[3], ",")[[1]]
n <- nrow(d)
f <- as.formula(paste("count ~", paste(terms, collapse = " + ")))
out <- function(coef, se, ll, k, extra) {
  cat(sprintf("n %d, logLik %.10f, BIC %.10f, %s\n", n, ll, -2 * ll + k * log(n), extra))
  for (i in seq_along(coef)) cat(sprintf("%-32s %.10f  se %.10f\n", names(coef)[i], coef[i], se[i]))
}
if (family == "poisson") {
  m <- glm(f, family = poisson(), data = d)
  out(coef(m), sqrt(diag(vcov(m))), as.numeric(logLik(m)), length(coef(m)), "poisson")
} else if (family == "nb2") {
  m <- glm.nb(f, data = d, control = glm.control(epsilon = 1e-12, maxit = 100))
  out(coef(m), sqrt(diag(vcov(m))), as.numeric(logLik(m)), length(coef(m)) + 1, sprintf("theta %.10f", m$theta))
} else {
  X <- model.matrix(f, d)
  m <- nbii_fit(X, d$count)
  names(m$coef) <- colnames(X)
  out(m$coef, m$se, m$loglik, ncol(X) + 1, sprintf("sigma %.10f", m$sigma))
}
