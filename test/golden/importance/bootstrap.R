# Bootstrap intervals of LMG from R's boot package (percentile and BCa, 4000 resamples), for a
# statistical comparison with bootstrapImportance (different random streams, so the tests allow
# Monte Carlo error). Run from the project root: Rscript test/golden/importance/bootstrap.R
library(jsonlite); library(boot)
lmg <- function(X, y) {
  k <- ncol(X)
  r2 <- sapply(0:(2^k - 1), function(m) { v <- which(bitwAnd(m, 2^(0:(k - 1))) > 0); if (!length(v)) 0 else summary(lm(y ~ X[, v, drop = FALSE]))$r.squared })
  sapply(1:k, function(j) { s <- 0; for (m in 0:(2^k - 1)) { if (bitwAnd(m, 2^(j - 1)) > 0) next
    size <- sum(bitwAnd(m, 2^(0:(k - 1))) > 0); s <- s + factorial(size) * factorial(k - size - 1) / factorial(k) * (r2[m + 2^(j - 1) + 1] - r2[m + 1]) }; s })
}
out <- list(producer = paste(R.version.string, "boot", packageVersion("boot")))
for (name in c("survey-n25-k3-s1000", "survey-n200-k5-s1000")) {
  ref <- fromJSON(file.path("test/golden/reference", paste0(name, ".json")), simplifyVector = FALSE)
  m <- t(sapply(ref$data, function(r) sapply(r, function(v) if (is.null(v)) NA_real_ else as.numeric(v))))
  colnames(m) <- unlist(ref$columns); x <- unlist(ref$model$x)
  d <- m[complete.cases(m), c(x, ref$model$y)]
  set.seed(1)
  b <- boot(d, function(d, i) lmg(d[i, x, drop = FALSE], d[i, ncol(d)]), R = 4000)
  out[[name]] <- lapply(seq_along(x), function(j) {
    ci <- boot.ci(b, index = j, type = c("perc", "bca"))
    list(name = x[j], estimate = b$t0[j], standardError = sd(b$t[, j]),
         percentile = list(lower = ci$percent[4], upper = ci$percent[5]), bca = list(lower = ci$bca[4], upper = ci$bca[5]))
  })
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/importance/bootstrap.json")
