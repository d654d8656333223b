# Bootstrap intervals of LMG from R's boot package (percentile and BCa, 4000 resamples), for a
# statistical comparison with bootstrapImportance (different random streams, so the tests allow
# Monte Carlo error). Run from the project root: Rscript test/golden/importance/bootstrap.R
source("test/golden/common.R")
library(boot)
out <- list(producer = paste(R.version.string, "boot", packageVersion("boot")))
for (name in c("survey-n25-k3-s1000", "survey-n200-k5-s1000")) {
  r <- read_reference(name); ref <- r$ref; m <- r$m; x <- r$x
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
