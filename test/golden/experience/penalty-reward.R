# Golden values for penaltyReward: overall regressed with lm() on a low-box and a high-box dummy per
# touchpoint (complete cases), as docs/methods.md defines the method:
#   scales of up to 11 points: low box = rating <= min + 1 (min alone on 3 points), high box = max;
#   scales of more than 11 points: low box = rating <= min + range / 5, high box = rating >= max - range / 5.
# Each factor: box shares and counts, penalty and reward with their standard errors and p-values.
# Also writes the 0-100 survey it analyses (penalty-reward-0-100.csv: seeded, one touchpoint with
# few top-box answers, so the minimum cell size matters).
# Run from the project root: Rscript test/golden/experience/penalty-reward.R
source("test/golden/common.R")
factors <- function(d, x, y, low, high) {
  D <- do.call(cbind, lapply(x, function(v) cbind(as.numeric(d[, v] <= low), as.numeric(d[, v] >= high))))
  colnames(D) <- as.vector(rbind(paste(x, "low"), paste(x, "high")))
  cf <- coef(summary(lm(d[, y] ~ D)))
  lapply(x, function(v) {
    lo <- paste0("D", v, " low"); hi <- paste0("D", v, " high")
    list(touchpoint = v, lowShare = mean(d[, v] <= low), highShare = mean(d[, v] >= high),
         lowCount = sum(d[, v] <= low), middleCount = sum(d[, v] > low & d[, v] < high), highCount = sum(d[, v] >= high),
         penalty = cf[lo, 1], penaltyStdError = cf[lo, 2], penaltyPValue = cf[lo, 4],
         reward = cf[hi, 1], rewardStdError = cf[hi, 2], rewardPValue = cf[hi, 4])
  })
}
out <- list(producer = R.version.string)
for (name in c("survey-n47-k7-s1000", "survey-n200-k5-s1000", "survey-n500-k7-missing-s1000")) {
  r <- read_reference(name); ref <- r$ref; m <- r$m; x <- r$x
  d <- m[complete.cases(m[, c(x, ref$model$y)]), ]
  out[[name]] <- factors(d, x, ref$model$y, 2, 5)   # 1-5: low <= 2, high = 5
}

# A 0-100 survey: 101 points, so the boxes are the bottom and top fifths (<= 20, >= 80).
set.seed(20240614)
n <- 400
latent <- rnorm(n)
score <- function(mu, sd) pmin(100, pmax(0, round(mu + sd * (0.7 * latent + 0.7 * rnorm(n)))))
wide <- data.frame(app = score(55, 30), staff = score(60, 28), wait = score(45, 25), refund = score(35, 20))
wide$overall <- pmin(100, pmax(0, round(50 + 0.2 * (wide$app - 50) + 0.3 * (wide$staff - 50) + 0.2 * (wide$wait - 50) + 0.1 * (wide$refund - 50) + rnorm(n, 0, 12))))
write.csv(wide, "test/golden/experience/penalty-reward-0-100.csv", row.names = FALSE)
out[["survey-0-100"]] <- factors(as.matrix(wide), c("app", "staff", "wait", "refund"), "overall", 20, 80)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/experience/penalty-reward.json")
