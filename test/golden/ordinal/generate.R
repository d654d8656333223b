# Golden values for ordinalLogit beyond the reference surveys' clm objects: ordinal::clm with the
# probit link, with the weighted reference survey's weights (logit and probit), and the model
# summaries (AIC, BIC, nobs, thresholds-only log-likelihood, likelihood-ratio statistic).
# clm is run to a gradient of 1e-12 so the estimates sit at the maximum.
# Run from the project root: Rscript test/golden/ordinal/generate.R
source("test/golden/common.R")
library(ordinal)
load_ref <- read_reference
control <- clm.control(gradTol = 1e-12, relTol = 1e-10, maxIter = 200)
fit_case <- function(name, link, weighted = FALSE) {
  r <- load_ref(name)
  d <- data.frame(r$m[, r$x, drop = FALSE])
  d$y <- factor(r$m[, r$y], ordered = TRUE)
  d$w <- if (weighted) r$weights else rep(1, nrow(d))
  d <- d[complete.cases(d), ]
  d$y <- droplevels(d$y)
  f <- as.formula(paste("y ~", paste(r$x, collapse = " + ")))
  fit <- clm(f, data = d, weights = w, link = link, control = control)
  null <- clm(y ~ 1, data = d, weights = w, link = link, control = control)
  se <- sqrt(diag(vcov(fit)))
  k <- length(fit$alpha)
  list(
    reference = name, link = link, weighted = weighted,
    thresholds = as.list(fit$alpha), thresholdStdErrors = as.list(se[seq_len(k)]),
    beta = as.list(fit$beta), betaStdErrors = as.list(se[k + seq_along(fit$beta)]),
    logLik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit), nobs = nobs(fit),
    nullLogLik = as.numeric(logLik(null)),
    likelihoodRatio = as.numeric(2 * (logLik(fit) - logLik(null))),
    maxGradient = fit$maxGradient)
}
out <- list(producer = paste(R.version.string, "ordinal", as.character(packageVersion("ordinal"))), cases = list(
  "n47 logit (no 1s)" = fit_case("survey-n47-k7-s1000", "logit"),
  "n200 probit" = fit_case("survey-n200-k5-s1000", "probit"),
  "n500 with missing values, probit" = fit_case("survey-n500-k7-missing-s1000", "probit"),
  "n60 7-point scale, probit" = fit_case("survey-n60-k4-scale7-s1000", "probit"),
  "n300 weighted, logit" = fit_case("survey-n300-k6-weighted-s1000", "logit", TRUE),
  "n300 weighted, probit" = fit_case("survey-n300-k6-weighted-s1000", "probit", TRUE)
))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/ordinal/clm.json")
