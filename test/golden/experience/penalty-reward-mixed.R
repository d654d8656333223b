# Golden values for penaltyReward on touchpoints with different scales: each touchpoint's boxes come
# from its own scale (docs/methods.md): up to 11 points low box = rating <= min + 1, high box = max;
# more than 11 points the bottom and top fifths of the range. Overall regressed with lm() on a
# low-box and a high-box dummy per touchpoint (complete cases).
# Writes the seeded survey it analyses (penalty-reward-mixed.csv: `app` 1-5, `staff` 0-10,
# `wait` 1-7, `refund` 0-100, `overall` 1-7; a few empty cells).
# Run from the project root: Rscript test/golden/experience/penalty-reward-mixed.R
source("test/golden/common.R")
set.seed(20261201)
n <- 600
latent <- rnorm(n)
rating <- function(min, max, centre, spread) pmin(max, pmax(min, round(centre + spread * (0.7 * latent + 0.7 * rnorm(n)))))
d <- data.frame(app = rating(1, 5, 3.4, 1.2), staff = rating(0, 10, 6.5, 2.6), wait = rating(1, 7, 4.2, 1.7), refund = rating(0, 100, 55, 28))
d$overall <- pmin(7, pmax(1, round(4 + 0.5 * (d$app - 3) + 0.15 * (d$staff - 5) + 0.2 * (d$wait - 4) + 0.01 * (d$refund - 50) + rnorm(n, 0, 0.8))))
d$app[c(5, 77)] <- NA
d$staff[c(12, 300)] <- NA
d$overall[410] <- NA
write.csv(d, "test/golden/experience/penalty-reward-mixed.csv", row.names = FALSE, na = "")

boxes <- list(app = c(2, 5), staff = c(1, 10), wait = c(2, 7), refund = c(20, 80))
cc <- d[complete.cases(d), ]
D <- penalty_dummies(cc, boxes)
cf <- coef(summary(lm(cc$overall ~ D)))
factors <- penalty_factors(cc, boxes, cf)
out <- list(producer = R.version.string, n = nrow(cc), factors = factors)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/experience/penalty-reward-mixed.json")
