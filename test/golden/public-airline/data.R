# Shared by generate.R and shapley14.R: the public airline file read as both analyse it (0 = not
# applicable -> NA, y = satisfied), the glm fit of a subset of columns, McFadden Shapley values
# over all subsets (the Shapley formula is common.R's) and the full glm. Sourced from the project root.
source("test/golden/common.R")
d <- read.csv("test/corpus/heldout/airline-passenger-satisfaction.csv", check.names = FALSE, stringsAsFactors = FALSE)
tp <- c("Inflight wifi service", "Departure/Arrival time convenient", "Ease of Online booking", "Gate location",
        "Food and drink", "Online boarding", "Seat comfort", "Inflight entertainment", "On-board service",
        "Leg room service", "Baggage handling", "Checkin service", "Inflight service", "Cleanliness")
stopifnot(all(tp %in% names(d)))
notApplicable <- sapply(tp, function(v) sum(d[[v]] == 0))
for (v in tp) d[[v]][d[[v]] == 0] <- NA
d$y <- as.numeric(d$satisfaction == "satisfied")
stopifnot(all(d$satisfaction %in% c("satisfied", "neutral or dissatisfied")))

ctrl <- glm.control(epsilon = 1e-14, maxit = 100)
loglik_of <- function(X, y, cols) {
  Z <- cbind(1, X[, cols, drop = FALSE])
  fit <- glm.fit(Z, y, family = binomial(), control = ctrl)
  stopifnot(fit$converged)
  -fit$deviance / 2
}
# The Shapley values of McFadden's R-squared over all 2^p subsets of players (lists of columns);
# `map` runs the subset fits (lapply, or parallel::mclapply for the 2^14 fits).
mcfadden_shapley <- function(X, y, players, map = lapply) {
  p <- length(players)
  ll <- unlist(map(0:(2^p - 1), function(mask) loglik_of(X, y, unlist(players[which(bitwAnd(mask, 2^(seq_len(p) - 1)) != 0)]))))
  r2 <- 1 - ll / ll[1]
  list(n = nrow(X), logLik = ll[length(ll)], nullLogLik = ll[1], rSquared = r2[length(r2)],
       importance = as.list(setNames(shapley(r2, p), names(players))))
}
# The full glm: coefficients with R's standard errors and those at the estimate, fit summary.
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
