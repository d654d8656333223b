# The expensive part of the public airline golden values (see generate.R; both source data.R):
# the Shapley value of McFadden's pseudo-R-squared over all 14 ratings from all 2^14 subset glm
# fits on the complete cases, written to shapley14.json. Tens of minutes on a busy machine.
# Run from the project root: Rscript test/golden/public-airline/shapley14.R
# Data: 0 = not applicable -> NA; y = satisfied.
source("test/golden/public-airline/data.R")

cc <- d[complete.cases(d[, tp]), ]
X <- as.matrix(cc[, tp])
# Two worker processes (parallel::mclapply); the fits are independent.
shapley14 <- mcfadden_shapley(X, cc$y, setNames(as.list(tp), tp), map = function(masks, f) parallel::mclapply(masks, f, mc.cores = 2))
writeLines(toJSON(list(generator = paste("R", R.version$major, R.version$minor, "glm.fit"), shapley14 = shapley14), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "test/golden/public-airline/shapley14.json")
