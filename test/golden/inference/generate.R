# Golden values for pairedTTest and wilcoxonSignedRank (R's t.test / wilcox.test, paired).
# Run from the project root: Rscript test/golden/inference/generate.R
library(jsonlite)
set.seed(20261124)
cases <- list(
  list(name = "R ?wilcox.test example (exact)",
       x = c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30),
       y = c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)),
  list(name = "exact, n = 20, continuous", x = round(rnorm(20, 0.3), 6), y = round(rnorm(20), 6)),
  list(name = "Likert absolute errors with ties and zeros", x = sample(0:4, 47, TRUE) / 2, y = sample(0:4, 47, TRUE) / 2),
  list(name = "normal approximation, n = 80, no ties", x = round(rnorm(80, 0.1), 8), y = round(rnorm(80), 8)),
  list(name = "large Likert sample", x = sample(1:5, 500, TRUE), y = sample(1:5, 500, TRUE, prob = c(1, 2, 3, 3, 2))),
  list(name = "tiny p", x = round(rnorm(200, 1.5), 6), y = round(rnorm(200), 6))
)
out <- lapply(cases, function(k) {
  w <- suppressWarnings(wilcox.test(k$x, k$y, paired = TRUE))
  t <- t.test(k$x, k$y, paired = TRUE)
  d <- k$x - k$y
  list(name = k$name, x = k$x, y = k$y,
       wilcoxon = list(statistic = unname(w$statistic), pValue = w$p.value, n = sum(d != 0),
                       exact = sum(d != 0) < 50 && !any(d == 0) && !any(duplicated(abs(d[d != 0])))),
       t = list(tValue = unname(t$statistic), df = unname(t$parameter), pValue = t$p.value,
                meanDifference = unname(t$estimate), ciLower = t$conf.int[1], ciUpper = t$conf.int[2],
                standardError = unname(t$stderr)))
})
writeLines(toJSON(list(producer = R.version.string, cases = out), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "test/golden/inference/paired-tests.json")
