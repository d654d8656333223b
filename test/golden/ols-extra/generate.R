# Golden values for ols's extras: condition number kappa(scale(X), exact = TRUE), VIF =
# diag(solve(cor(X))) and standardized coefficients b * sd(x) / sd(y), on complete cases.
# Run from the project root: Rscript test/golden/ols-extra/generate.R
source("test/golden/common.R")
out <- list(producer = R.version.string)
for (name in c("survey-n47-k7-s1000", "survey-n200-k5-s1000", "survey-n500-k7-missing-s1000")) {
  r <- read_reference(name); ref <- r$ref; m <- r$m; x <- r$x
  d <- m[complete.cases(m[, c(x, ref$model$y)]), ]
  X <- d[, x]; y <- d[, ref$model$y]
  b <- coef(lm(y ~ X))[-1]
  out[[name]] <- list(conditionNumber = kappa(scale(X), exact = TRUE),
                      vif = as.list(setNames(diag(solve(cor(X))), x)),
                      standardized = as.list(setNames(b * apply(X, 2, sd) / sd(y), x)))
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/ols-extra/ols-extra.json")
