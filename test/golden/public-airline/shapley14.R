# The expensive part of the public airline golden values (see generate.R; both source data.R):
# the Shapley value of McFadden's pseudo-R-squared over all 14 ratings from all 2^14 subset glm
# fits on the complete cases, written to shapley14.json. Tens of minutes on a busy machine.
# Run from the project root: Rscript test/golden/public-airline/shapley14.R
# Data: 0 = not applicable -> NA; y = satisfied.
source("test/golden/public-airline/data.R")

mcfadden_shapley <- function(X, y, players) {
  p <- length(players)
  # Two worker processes (parallel::mclapply); the fits are independent.
  ll <- unlist(parallel::mclapply(0:(2^p - 1), function(mask) loglik_of(X, y, unlist(players[which(bitwAnd(mask, 2^(seq_len(p) - 1)) != 0)])), mc.cores = 2))
  r2 <- 1 - ll / ll[1]
  list(n = nrow(X), logLik = ll[length(ll)], nullLogLik = ll[1], rSquared = r2[length(r2)],
       importance = as.list(setNames(shapley(r2, p), names(players))))
}
full_fit <- function(data, cols) {
  f <- as.formula(paste("y ~", paste0("`", cols, "`", collapse = " + ")))
  fit <- glm(f, family = binomial, data = data, control = ctrl)
  cf <- coef(summary(fit))
  X <- model.matrix(fit)
  mu <- fitted(fit)
  at <- sqrt(diag(solve(crossprod(X, X * (mu * (1 - mu))))))
  list(
    n = nrow(X),
    coefficients = lapply(seq_len(nrow(cf)), function(i) list(name = gsub("`", "", rownames(cf)[i]), estimate = cf[i, 1], stdError = cf[i, 2], stdErrorAtEstimate = at[[i]], zValue = cf[i, 3], pValue = cf[i, 4],
                                                                        zValueAtEstimate = cf[i, 1] / at[[i]], pValueAtEstimate = 2 * pnorm(-abs(cf[i, 1] / at[[i]])))),
    logLik = as.numeric(logLik(fit)), deviance = deviance(fit), nullDeviance = fit$null.deviance, aic = AIC(fit), dfResidual = fit$df.residual
  )
}

cc <- d[complete.cases(d[, tp]), ]
X <- as.matrix(cc[, tp])
shapley14 <- mcfadden_shapley(X, cc$y, setNames(as.list(tp), tp))
writeLines(toJSON(list(generator = paste("R", R.version$major, R.version$minor, "glm.fit"), shapley14 = shapley14), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "test/golden/public-airline/shapley14.json")
