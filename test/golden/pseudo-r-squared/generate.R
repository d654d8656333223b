# Golden values for pseudoRSquaredShapley and the binary / dummy-adjusted key drivers: all-subsets
# glm(family = binomial) fits on fixtures/airline/airline.csv (touchpoint 0 = not applicable and an
# empty cell = no answer, both NA here), the Shapley value of each pseudo-R-squared computed from
# the subset log-likelihoods, and the full models' coefficient tables.
# glm.control(epsilon = 1e-14, maxit = 100) lets IRLS converge fully (the default 1e-8 stops
# about 1e-5 short of the maximum). With prior weights, LL = -deviance / 2 = sum w log P(y), which
# is glm's logLik for integer weights.
# Run from the project root: Rscript test/golden/pseudo-r-squared/generate.R
source("test/golden/common.R")
d <- read.csv("fixtures/airline/airline.csv", stringsAsFactors = FALSE)
tp <- c("booking", "checkin", "boarding", "seat", "wifi", "food", "baggage")
for (v in tp) d[[v]][!is.na(d[[v]]) & d[[v]] == 0] <- NA
d$y <- as.numeric(d$satisfaction == "satisfied")

ctrl <- glm.control(epsilon = 1e-14, maxit = 100)
fit_glm <- function(data, cols, w = NULL) {
  f <- as.formula(paste("y ~", if (length(cols) == 0) "1" else paste0("`", cols, "`", collapse = " + ")))
  data$.w <- if (is.null(w)) 1 else w
  suppressWarnings(glm(f, family = binomial, data = data, weights = .w, control = ctrl))
}
subset_logliks <- function(data, players, w = NULL) {
  p <- length(players)
  sapply(0:(2^p - 1), function(mask) {
    cols <- unlist(players[which(bitwAnd(mask, 2^(seq_len(p) - 1)) != 0)])
    -deviance(fit_glm(data, cols, w)) / 2
  })
}
measures <- function(ll, total) {
  ll0 <- ll[1]
  list(
    mcfadden = 1 - ll / ll0,
    estrella = 1 - (ll / ll0)^(-(2 / total) * ll0),
    `cox-snell` = 1 - exp(2 * (ll0 - ll) / total),
    nagelkerke = (1 - exp(2 * (ll0 - ll) / total)) / (1 - exp(2 * ll0 / total))
  )
}
coef_table <- function(fit) {
  cf <- coef(summary(fit))
  X <- model.matrix(fit)
  mu <- fitted(fit)
  at <- sqrt(diag(solve(crossprod(X, X * (fit$prior.weights * mu * (1 - mu))))))
  lapply(seq_len(nrow(cf)), function(i) list(name = gsub("`", "", rownames(cf)[i]), estimate = cf[i, 1], stdError = cf[i, 2], stdErrorAtEstimate = at[[i]], zValue = cf[i, 3], pValue = cf[i, 4]))
}
decompose <- function(name, data, players, w = NULL, which = c("mcfadden", "estrella", "cox-snell", "nagelkerke")) {
  ll <- subset_logliks(data, players, w)
  total <- if (is.null(w)) nrow(data) else sum(w)
  m <- measures(ll, total)
  full <- fit_glm(data, unlist(players), w)
  list(
    name = name, n = nrow(data), columns = unlist(players), groups = lapply(players, function(p) p),
    playerNames = names(players), weighted = !is.null(w),
    logLik = ll[length(ll)], nullLogLik = ll[1],
    subsetLogLiks = ll,
    measures = lapply(m[which], function(r2) list(rSquared = r2[length(r2)], importance = as.list(setNames(shapley(r2, length(players)), names(players))))),
    coefficients = coef_table(full), deviance = deviance(full), nullDeviance = full$null.deviance
  )
}

cc <- d[complete.cases(d[, c(tp, "y")]), ]
players <- setNames(as.list(tp), tp)
complete <- decompose("complete-cases", cc, players)
weighted <- decompose("weighted", cc, players, w = cc$weight, which = c("mcfadden", "nagelkerke"))

# Dummy-variable adjustment: every respondent with an outcome; each touchpoint with a missing or
# not-applicable answer filled with its observed mean on these rows, plus an indicator
# "<touchpoint>:not answered"; a touchpoint and its indicator are one player.
dummy_design <- function(data) {
  players <- list()
  out <- data.frame(row.names = seq_len(nrow(data)))
  for (v in tp) {
    x <- data[[v]]
    if (any(is.na(x))) {
      ind <- paste0(v, ":not answered")
      out[[ind]] <- as.numeric(is.na(x))
      x[is.na(x)] <- mean(x, na.rm = TRUE)
      out[[v]] <- x
      players[[v]] <- c(v, ind)
    } else {
      out[[v]] <- x
      players[[v]] <- v
    }
  }
  out <- out[, unlist(players)]
  list(data = out, players = players)
}
dd <- dummy_design(d)
dd$data$y <- d$y
dummy <- decompose("dummy-adjustment", dd$data, dd$players, which = c("mcfadden"))
dummy$fillMeans <- as.list(sapply(tp, function(v) mean(d[[v]], na.rm = TRUE)))

# The same design for the 0-10 rating as a numeric outcome (rows with a rating): lm and the
# grouped Shapley value of R^2 (LMG with a touchpoint and its indicator as one group).
dr <- d[!is.na(d$recommend), ]
dl <- dummy_design(dr)
dl$data$y <- dr$recommend
lm_r2 <- function(cols) if (length(cols) == 0) 0 else summary(lm(as.formula(paste("y ~", paste0("`", cols, "`", collapse = " + "))), data = dl$data))$r.squared
p <- length(dl$players)
r2s <- sapply(0:(2^p - 1), function(mask) lm_r2(unlist(dl$players[which(bitwAnd(mask, 2^(seq_len(p) - 1)) != 0)])))
full_lm <- lm(as.formula(paste("y ~", paste0("`", unlist(dl$players), "`", collapse = " + "))), data = dl$data)
cf <- coef(summary(full_lm))
dummyLm <- list(
  name = "dummy-adjustment-lm", n = nrow(dl$data), columns = unlist(dl$players), groups = dl$players,
  rSquared = summary(full_lm)$r.squared,
  importance = as.list(setNames(shapley(r2s, p), names(dl$players))),
  coefficients = lapply(seq_len(nrow(cf)), function(i) list(name = gsub("`", "", rownames(cf)[i]), estimate = cf[i, 1], stdError = cf[i, 2], tValue = cf[i, 3], pValue = cf[i, 4]))
)

out <- list(
  generator = paste("R", R.version$major, R.version$minor, "glm(binomial), lm"),
  cases = list(complete = complete, weighted = weighted, dummy = dummy, dummyLm = dummyLm)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = FALSE), "test/golden/pseudo-r-squared/pseudo-r-squared.json")
