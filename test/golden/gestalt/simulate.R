# A held-out journey survey for the Gestalt battery, simulated with a fixed seed because no public
# respondent-level journey survey with an overall rating could be found (see README.md).
# Six touchpoints on a 1-7 scale (neutral 4) in journey order, an overall rating on the same scale,
# skipped touchpoints (including respondents who answered one touchpoint or none), a few missing
# overall ratings, and a survey weight. The overall rating depends on the mean, the most intense
# moment and the end, so every model of the battery has something to find.
# Run from the project root: Rscript test/golden/gestalt/simulate.R
set.seed(20240517)
n <- 400; k <- 6; neutral <- 4
clamp <- function(v) pmin(7, pmax(1, round(v)))
person <- rnorm(n, 0, 0.9)
drift <- rnorm(n, 0, 0.15)
X <- sapply(seq_len(k), function(j) clamp(4.6 + person + drift * (j - 3.5) + c(0.3, -0.2, 0.1, -0.6, 0.2, 0.4)[j] + rnorm(n, 0, 1.1)))
colnames(X) <- c("booking", "arrival", "waiting", "service", "billing", "farewell")
# skipped touchpoints: 10% of cells at random, plus five respondents with one answer and two with none
skip <- matrix(runif(n * k) < 0.10, n, k)
X[skip] <- NA
for (i in 1:5) { keep <- sample.int(k, 1); X[i, -keep] <- NA }
X[6:7, ] <- NA
feat <- t(apply(X, 1, function(v) {
  a <- which(!is.na(v)); x <- v[a]
  if (length(x) == 0) return(c(NA, NA, NA))
  c(mean(x), x[which.max(abs(x - neutral))], x[length(x)])
}))
overall <- clamp(0.5 + 0.45 * feat[, 1] + 0.2 * feat[, 2] + 0.25 * feat[, 3] + rnorm(n, 0, 0.7))
overall[c(3, 50, 51, 200)] <- NA
overall[6:7] <- c(4, 5)  # no touchpoint answered, but an overall rating: kept by ingest, no features
weight <- round(exp(rnorm(n, 0, 0.35)), 3)
out <- data.frame(id = sprintf("r%03d", seq_len(n)), X, overall = overall, weight = weight)
write.csv(out, "test/golden/gestalt/heldout-journey.csv", row.names = FALSE, na = "")
