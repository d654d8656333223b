# Bootstrap interval formulas, computed in base R from R's own resamples: LMG of
# survey-n25-k3-s1000 on 999 resamples drawn by boot (set.seed(2)) and the 25 delete-one
# jackknife values; then, from first principles, the jackknife acceleration
# a = sum(d^3) / (6 sum(d^2)^1.5) with d = mean(theta_jack) - theta_jack (Efron 1987), the
# percentile interval (quantile type 7 at 0.025/0.975) and the BCa interval
# (type-7 quantiles at pnorm(z0 + (z0 + z) / (1 - a (z0 + z))), z0 = qnorm(share below the
# estimate, ties counted half)). The test feeds the same replicates to bootstrapIntervals and
# jackknifeAccelerationOf. Run from the project root: Rscript test/golden/importance/intervals.R
source("test/golden/common.R")
library(boot)
name <- "survey-n25-k3-s1000"
r <- read_reference(name); ref <- r$ref; m <- r$m; x <- r$x
d <- m[complete.cases(m), c(x, ref$model$y)]
set.seed(2)
b <- boot(d, function(d, i) lmg(d[i, x, drop = FALSE], d[i, ncol(d)]), R = 999)
jack <- t(sapply(seq_len(nrow(d)), function(i) lmg(d[-i, x, drop = FALSE], d[-i, ncol(d)])))
level <- 0.95
alpha <- (1 + c(-level, level)) / 2
out <- list(producer = paste(R.version.string, "boot", packageVersion("boot")), survey = name, level = level,
            predictors = lapply(seq_along(x), function(j) {
  t <- b$t[, j]; t0 <- b$t0[j]; th <- jack[, j]
  dd <- mean(th) - th
  a <- sum(dd^3) / (6 * sum(dd^2)^1.5)
  z0 <- qnorm((sum(t < t0) + 0.5 * sum(t == t0)) / length(t))
  z <- qnorm(alpha)
  adj <- pnorm(z0 + (z0 + z) / (1 - a * (z0 + z)))
  list(name = x[j], estimate = t0, replicates = t, jackknife = th, acceleration = a,
       percentile = list(lower = unname(quantile(t, alpha[1], type = 7)), upper = unname(quantile(t, alpha[2], type = 7))),
       bca = list(lower = unname(quantile(t, adj[1], type = 7)), upper = unname(quantile(t, adj[2], type = 7))))
}))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA), "test/golden/importance/intervals.json")
