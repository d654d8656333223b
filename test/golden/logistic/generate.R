# Golden values for logisticRegression: R's glm(family = binomial) on reference surveys with the
# overall rating dichotomised as top-2-box (overall >= 4), one fit with integer frequency weights.
# glm.control(epsilon = 1e-15) lets IRLS converge fully (the default 1e-8 on the deviance leaves
# the estimates about 1e-5 from the maximum).
# Run from the project root: Rscript test/golden/logistic/generate.R
library(jsonlite)
load_ref <- function(name) {
  ref <- fromJSON(file.path("test/golden/reference", paste0(name, ".json")), simplifyVector = FALSE)
  m <- t(sapply(ref$data, function(r) sapply(r, function(v) if (is.null(v)) NA_real_ else as.numeric(v))))
  colnames(m) <- unlist(ref$columns)
  list(m = m, x = unlist(ref$model$x), y = ref$model$y)
}
fit_json <- function(fit, weights) {
  s <- summary(fit)
  cf <- coef(s)
  list(
    weights = weights,
    coefficients = lapply(seq_len(nrow(cf)), function(i) list(name = sub("^X", "", rownames(cf)[i]), estimate = cf[i, 1], stdError = cf[i, 2], zValue = cf[i, 3], pValue = cf[i, 4])),
    logLik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit),
    deviance = deviance(fit), nullDeviance = fit$null.deviance, n = nobs(fit), iterations = fit$iter)
}
out <- list(producer = R.version.string)
for (name in c("survey-n47-k7-s1000", "survey-n200-k5-s1000", "survey-n500-k7-missing-s1000", "survey-n60-k4-scale7-s1000")) {
  r <- load_ref(name)
  top <- if (grepl("scale7", name)) 6 else 4
  d <- data.frame(r$m[, r$x, drop = FALSE]); d$top <- as.numeric(r$m[, r$y] >= top)
  f <- as.formula(paste("top ~", paste(r$x, collapse = " + ")))
  out[[name]] <- fit_json(glm(f, family = binomial, data = d, control = glm.control(epsilon = 1e-15, maxit = 100)), NULL)
}
# Integer frequency weights 1..3 on the n200 survey.
r <- load_ref("survey-n200-k5-s1000")
d <- data.frame(r$m[, r$x, drop = FALSE]); d$top <- as.numeric(r$m[, r$y] >= 4)
w <- rep(c(1, 2, 3), length.out = nrow(d))
out[["survey-n200-k5-s1000-weighted"]] <- fit_json(glm(top ~ ., family = binomial, data = d, weights = w, control = glm.control(epsilon = 1e-15, maxit = 100)), w)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/logistic/logistic.json")
