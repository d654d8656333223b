# Golden values for peakEnd on reference surveys, computed independently in base R.
# Rule: most-intense peak (largest |x - neutral|, earliest touchpoint on ties), end = last
# touchpoint, w = 0.5. The aggregate's peak is chosen on the means over all answers; its figures
# (peak and end means, prediction, observed, gap) are on the respondents of the gap test, with the
# all-answers figures in allAnswers. comparison.verdict applies the verdict rule to R's Wilcoxon
# p-value and mean absolute errors. Run from the project root: Rscript test/golden/peak-end/generate.R
source("test/golden/common.R")
load_ref <- read_reference
acc <- function(p, o) {
  ok <- !is.na(p) & !is.na(o); p <- p[ok]; o <- o[ok]; e <- p - o
  list(n = length(e), meanAbsoluteError = mean(abs(e)), rootMeanSquaredError = sqrt(mean(e^2)),
       meanBias = mean(e), correlation = cor(p, o))
}
own_peak <- function(v, neutral) { v <- v[!is.na(v)]; v[which.max(abs(v - neutral))] }  # which.max: first maximum
out <- list()
for (name in c("survey-n47-k7-s1000", "survey-n500-k7-missing-s1000", "survey-n60-k4-scale7-s1000")) {
  r <- load_ref(name); m <- r$m; X <- m[, r$x, drop = FALSE]; y <- m[, r$y]
  neutral <- if (grepl("scale7", name)) 4 else 3
  k <- length(r$x)
  means <- colMeans(X, na.rm = TRUE)
  peak_j <- which.max(abs(means - neutral))
  prediction <- 0.5 * means[peak_j] + 0.5 * means[k]
  d <- 0.5 * X[, peak_j] + 0.5 * X[, k] - y
  gt <- t.test(d)
  # the aggregate figures on the respondents the gap test uses (peak, end and overall answered)
  same <- !is.na(d)
  same_prediction <- 0.5 * mean(X[same, peak_j]) + 0.5 * mean(X[same, k])
  # per respondent: end must be answered; peak over the answered touchpoints
  pred <- sapply(seq_len(nrow(X)), function(i) {
    if (is.na(X[i, k]) || all(is.na(X[i, ]))) NA else 0.5 * own_peak(X[i, ], neutral) + 0.5 * X[i, k]
  })
  # comparison on complete cases
  cc <- complete.cases(X, y) & !is.na(pred)
  Xc <- X[cc, , drop = FALSE]; yc <- y[cc]; pc <- pred[cc]
  models <- list(
    `peak-end` = pc, mean = rowMeans(Xc), end = Xc[, k],
    peak = apply(Xc, 1, own_peak, neutral = neutral), min = apply(Xc, 1, min), max = apply(Xc, 1, max), first = Xc[, 1])
  pe <- abs(pc - yc); av <- abs(rowMeans(Xc) - yc)
  w <- suppressWarnings(wilcox.test(pe, av, paired = TRUE))
  tt <- t.test(pe, av, paired = TRUE)
  fit <- summary(lm(y ~ X[, peak_j] + X[, k]))
  out[[name]] <- list(
    aggregate = list(peak = list(touchpoint = r$x[peak_j], mean = mean(X[same, peak_j])),
                     end = list(touchpoint = r$x[k], mean = mean(X[same, k])),
                     n = sum(same), prediction = same_prediction, observed = mean(y[same]),
                     gap = same_prediction - mean(y[same]),
                     allAnswers = list(prediction = unname(prediction), observed = mean(y, na.rm = TRUE),
                                       gap = unname(prediction) - mean(y, na.rm = TRUE)),
                     gapTest = list(n = sum(!is.na(d)), meanDifference = unname(gt$estimate), tValue = unname(gt$statistic),
                                    pValue = gt$p.value, ciLower = gt$conf.int[1], ciUpper = gt$conf.int[2])),
    respondents = list(n = sum(!is.na(pred) & !is.na(y)), accuracy = acc(pred, y)),
    comparison = list(n = sum(cc), models = lapply(models, acc, o = yc),
                      wilcoxon = list(statistic = unname(w$statistic), pValue = w$p.value),
                      pairedT = list(tValue = unname(tt$statistic), pValue = tt$p.value),
                      # The verdict rule (docs/methods.md): Wilcoxon p >= 0.05 -> no clear difference;
                      # else the model with the smaller mean absolute error predicts better.
                      verdict = list(outcome = if (w$p.value >= 0.05) "no-clear-difference" else if (mean(pe) > mean(av)) "peak-end-worse" else "peak-end-better",
                                     meanAbsoluteErrorPeakEnd = mean(pe), meanAbsoluteErrorMean = mean(av))),
    regression = list(rSquared = fit$r.squared, estimates = unname(coef(fit)[, 1]), pValues = unname(coef(fit)[, 4])))
}
out$producer <- R.version.string
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/peak-end/peak-end.json")
