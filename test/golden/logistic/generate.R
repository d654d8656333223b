# Golden values for logisticRegression: R's glm(family = binomial) on reference surveys with the
# overall rating dichotomised as top-2-box (overall >= 4; >= 6 on the 7-point survey), fitted on
# the touchpoints. Two weighted fits: integer frequency weights 1..3 on the n200 survey, and the
# weighted reference survey's own (non-integer) weights, where glm's logLik and AIC count each row
# round(weight) times (binomial()$aic) while the deviance uses the weights as given.
# glm.control(epsilon = 1e-15) lets IRLS converge fully (the default 1e-8 on the deviance leaves
# the estimates about 1e-5 from the maximum).
# stdErrorsAtEstimate: sqrt(diag((X'WX)^-1)) with W from the final fitted values (see below).
# Run from the project root: Rscript test/golden/logistic/generate.R
source("test/golden/common.R")
load_ref <- read_reference
fit_case <- function(name, top, weights = NULL) {
  r <- load_ref(name)
  d <- data.frame(r$m[, r$x, drop = FALSE])
  d$top <- as.numeric(r$m[, r$y] >= top)
  f <- as.formula(paste("top ~", paste(r$x, collapse = " + ")))
  fit <- if (is.null(weights)) {
    glm(f, family = binomial, data = d, control = glm.control(epsilon = 1e-15, maxit = 100))
  } else {
    d$w <- weights
    suppressWarnings(glm(f, family = binomial, data = d, weights = w, control = glm.control(epsilon = 1e-15, maxit = 100)))
  }
  s <- summary(fit)
  cf <- coef(s)
  # summary.glm takes its covariance from the working weights of the last IRLS iteration, one step
  # behind the final estimates; the inverse information at the estimates themselves is also kept.
  X <- model.matrix(fit)
  mu <- fitted(fit)
  pw <- fit$prior.weights
  atEstimate <- sqrt(diag(solve(crossprod(X, X * (pw * mu * (1 - mu))))))
  list(
    reference = name, top = top, weights = weights,
    coefficients = lapply(seq_len(nrow(cf)), function(i) list(name = rownames(cf)[i], estimate = cf[i, 1], stdError = cf[i, 2], zValue = cf[i, 3], pValue = cf[i, 4])),
    logLik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit),
    deviance = deviance(fit), nullDeviance = fit$null.deviance, n = nobs(fit), iterations = fit$iter,
    stdErrorsAtEstimate = as.list(atEstimate))
}
out <- list(producer = R.version.string, cases = list(
  "n47 top-2-box" = fit_case("survey-n47-k7-s1000", 4),
  "n200 top-2-box" = fit_case("survey-n200-k5-s1000", 4),
  "n500 with missing values, top-2-box" = fit_case("survey-n500-k7-missing-s1000", 4),
  "n60 7-point scale, top-2-box (>= 6)" = fit_case("survey-n60-k4-scale7-s1000", 6),
  "n200 top-2-box, integer frequency weights 1..3" = fit_case("survey-n200-k5-s1000", 4, rep(c(1, 2, 3), length.out = 200)),
  "n300 top-2-box, the reference survey's non-integer weights" = fit_case("survey-n300-k6-weighted-s1000", 4, load_ref("survey-n300-k6-weighted-s1000")$weights)
))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), "test/golden/logistic/logistic.json")
