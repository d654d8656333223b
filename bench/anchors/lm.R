# Anchor for bench/run.mjs: median milliseconds of lm + summary on n x k synthetic ratings.
# Usage: Rscript bench/anchors/lm.R n k   (optional; never run in CI)
args <- as.integer(commandArgs(trailingOnly = TRUE))
n <- args[1]; k <- args[2]
set.seed(1)
common <- runif(n)
X <- sapply(1:k, function(j) round(1 + 4 * (0.6 * common + 0.4 * runif(n))))
y <- pmin(5, pmax(1, round(rowMeans(X) + runif(n) - 0.5)))
times <- sapply(1:3, function(i) system.time(summary(lm(y ~ X)))[["elapsed"]])
cat(median(times) * 1000, "\n")
