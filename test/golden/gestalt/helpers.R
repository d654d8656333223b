# Definitions shared by generate.R, binary.R and air-france.R: Gestalt features from their
# definitions, Zou's (2007) interval by its formula, Williams' t by psych::r.test, and the
# least-squares battery (lm, anova, AIC/BIC, PRESS RMSE, relaimpo's LMG, optionally clm fits).
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

control <- clm.control(gradTol = 1e-12, relTol = 1e-10, maxIter = 200)  # estimates at the maximum

battery <- function(X, overall, neutral, rule = "most-intense", w = NULL, peak_weight = 0.5, ordinal = FALSE) {
  f <- features_of(X, neutral, rule)
  keep <- !is.na(f$variability) & !is.na(overall)
  if (!is.null(w)) keep <- keep & w > 0
  d <- cbind(f[keep, ], overall = overall[keep])
  wk <- if (is.null(w)) rep(1, nrow(d)) else w[keep]
  d$w <- wk
  other <- if (rule == "min") "peakHigh" else "trough"
  terms <- list(`mean` = "mean", `peak-end` = c("peak", "end"), `mean+peak-end` = c("mean", "peak", "end"),
                gestalt = c("mean", "peak", "end", other, "beginning", "trend", "variability"))
  fits <- lapply(terms, function(t) lm(reformulate(t, "overall"), data = d, weights = w))
  models <- lapply(names(terms), function(name) {
    fit <- fits[[name]]; s <- summary(fit)
    loo <- residuals(fit) / (1 - hatvalues(fit))
    list(name = name, terms = I(terms[[name]]), n = nrow(d),
         estimates = unname(coef(fit)), stdErrors = unname(s$coefficients[, 2]),
         tValues = unname(s$coefficients[, 3]), pValues = unname(s$coefficients[, 4]),
         rSquared = s$r.squared, adjustedRSquared = s$adj.r.squared, residualStdError = s$sigma,
         dfResidual = fit$df.residual, logLik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit),
         looRmse = sqrt(sum(d$w * loo^2) / sum(d$w)))
  })
  nested <- lapply(list(c("mean", "mean+peak-end"), c("peak-end", "mean+peak-end"), c("mean+peak-end", "gestalt")), function(p) {
    a <- anova(fits[[p[1]]], fits[[p[2]]])
    list(from = p[1], to = p[2], fStatistic = a$F[2], df1 = a$Df[2], df2 = a$Res.Df[2], pValue = a$`Pr(>F)`[2])
  })
  score <- peak_weight * d$peak + (1 - peak_weight) * d$end
  r <- cov.wt(cbind(d$overall, score, d$mean), wt = d$w / sum(d$w), cor = TRUE)$cor
  dep <- dependent(nrow(d), r[1, 2], r[1, 3], r[2, 3])
  g <- terms$gestalt
  ri <- if (is.null(w)) calc.relimp(fits$gestalt, type = "lmg", rela = FALSE)
        else calc.relimp(reformulate(g, "overall"), data = d, weights = d$w, type = "lmg", rela = FALSE)
  importance <- as.list(setNames(unname(ri@lmg[g]), g))
  ord <- NULL
  if (ordinal) {
    d$y <- droplevels(factor(d$overall, ordered = TRUE))
    cfits <- lapply(terms, function(t) clm(reformulate(t, "y"), data = d, weights = w, control = control))
    ord <- list(
      models = lapply(names(terms), function(name) {
        fit <- cfits[[name]]
        list(name = name, n = nrow(d), thresholds = I(unname(fit$alpha)), beta = I(unname(fit$beta)),
             logLik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit))
      }),
      likelihoodRatioTests = lapply(list(c("mean", "mean+peak-end"), c("peak-end", "mean+peak-end"), c("mean+peak-end", "gestalt")), function(p) {
        a <- anova(cfits[[p[1]]], cfits[[p[2]]])
        list(from = p[1], to = p[2], statistic = a$LR.stat[2], df = a$df[2], pValue = a$`Pr(>Chisq)`[2])
      }))
  }
  list(n = nrow(d), excluded = length(overall) - nrow(d), models = models, nestedTests = nested, ordinal = ord,
       dependentCorrelation = list(rPeakEnd = dep$r12, rMean = dep$r13, rBetween = dep$r23, tValue = dep$tValue,
                                   df = dep$df, pValue = dep$pValue, ciLower = dep$ciLower, ciUpper = dep$ciUpper),
       importance = importance, importanceRSquared = ri@R2,
       features = lapply(as.list(f), function(col) ifelse(is.na(col), NA, col)))
}
