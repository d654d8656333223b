# Definitions shared by generate.R and binary.R: Gestalt features from their definitions,
# Zou's (2007) interval by its formula, Williams' t by psych::r.test.
# Features over the answered touchpoints (NA = not answered) in journey order.
features_of <- function(X, neutral, rule = "most-intense") {
  rows <- lapply(seq_len(nrow(X)), function(i) {
    v <- X[i, ]; pos <- which(!is.na(v)); x <- v[pos]; k <- length(x)
    if (k == 0) return(rep(NA_real_, 8))
    peak <- switch(rule,
      "most-intense" = x[which.max(abs(x - neutral))],  # which.max: the first (earliest) maximum
      "max" = max(x), "min" = min(x), "both" = (max(x) + min(x)) / 2)
    trend <- if (k >= 2) unname(coef(lm(x ~ pos))[2]) else NA_real_
    variability <- if (k >= 2) sd(x) else NA_real_
    c(peak, max(x), min(x), x[1], x[k], mean(x), trend, variability)
  })
  f <- do.call(rbind, rows)
  colnames(f) <- c("peak", "peakHigh", "trough", "beginning", "end", "mean", "trend", "variability")
  as.data.frame(f)
}

zou_ci <- function(n, r12, r13, r23, level = 0.95) {
  z <- qnorm((1 + level) / 2) / sqrt(n - 3)
  l1 <- tanh(atanh(r12) - z); u1 <- tanh(atanh(r12) + z)
  l2 <- tanh(atanh(r13) - z); u2 <- tanh(atanh(r13) + z)
  c <- ((r23 - r12 * r13 / 2) * (1 - r12^2 - r13^2 - r23^2) + r23^3) / ((1 - r12^2) * (1 - r13^2))
  d <- r12 - r13
  c(d - sqrt((r12 - l1)^2 + (u2 - r13)^2 - 2 * c * (r12 - l1) * (u2 - r13)),
    d + sqrt((u1 - r12)^2 + (r13 - l2)^2 - 2 * c * (u1 - r12) * (r13 - l2)))
}

dependent <- function(n, r12, r13, r23) {
  t <- r.test(n = n, r12 = r12, r13 = r13, r23 = r23)
  ci <- zou_ci(n, r12, r13, r23)
  list(n = n, r12 = r12, r13 = r13, r23 = r23, tValue = unname(t$t), df = n - 3, pValue = unname(t$p), ciLower = ci[1], ciUpper = ci[2])
}
