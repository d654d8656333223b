# Golden values for penaltyReward at sizes where it counts the dummies' cross-products instead of
# multiplying them (unweighted, 10,000 complete rows or more; issue 20): overall regressed with lm()
# on a low-box and a high-box dummy per touchpoint (complete cases), each touchpoint boxed on its
# own scale (docs/methods.md): up to 11 points low box = rating <= min + 1, high box = max; more
# than 11 points the bottom and top fifths of the range.
# 1. penalty-reward-large.csv, written here: a seeded survey of 20,000 respondents, touchpoints
#    `app` 1-5, `staff` 0-10, `wait` 1-7, `refund` 0-100, `store` 1-5, `delivery` 1-5 (a few empty
#    cells); two outcomes: `overall` 1-7 (whole numbers) and `score` 0-100 in steps of 0.25 (not
#    whole numbers, so the kernel's other shift is checked).
# 2. test/corpus/heldout/botanic-nps.csv (public, 13,954 rows): `nps` on `satisfaction` and
#    `intention`, both 1-10 (low box <= 2, high box = 10).
# Each model: its n, the full coefficient table (names as penaltyReward's regression names them),
# R-squared, residual SE, F, and per touchpoint the counts, penalty and reward with SEs and p-values.
# Run from the project root: Rscript test/golden/experience/penalty-reward-large.R
source("test/golden/common.R")
model <- function(d, boxes, y) {
  x <- names(boxes)
  cc <- d[complete.cases(d[, c(x, y)]), ]
  D <- penalty_dummies(cc, boxes)
  fit <- lm(cc[[y]] ~ D)
  s <- summary(fit)
  cf <- coef(s)
  coefficients <- lapply(seq_len(nrow(cf)), function(i) {
    list(name = if (i == 1) "(Intercept)" else sub("^D", "", rownames(cf)[i]),
         estimate = cf[i, 1], stdError = cf[i, 2], tValue = cf[i, 3], pValue = cf[i, 4])
  })
  factors <- penalty_factors(cc, boxes, cf)
  f <- s$fstatistic
  list(n = nrow(cc), rSquared = s$r.squared, adjustedRSquared = s$adj.r.squared, residualStdError = s$sigma,
       fStatistic = unname(f[1]), dfModel = unname(f[2]), dfResidual = unname(f[3]),
       fPValue = unname(pf(f[1], f[2], f[3], lower.tail = FALSE)),
       coefficients = coefficients, factors = factors)
}

set.seed(20261202)
n <- 20000
latent <- rnorm(n)
rating <- function(min, max, centre, spread) pmin(max, pmax(min, round(centre + spread * (0.7 * latent + 0.7 * rnorm(n)))))
d <- data.frame(app = rating(1, 5, 3.4, 1.2), staff = rating(0, 10, 6.5, 2.6), wait = rating(1, 7, 4.2, 1.7),
                refund = rating(0, 100, 55, 28), store = rating(1, 5, 3.8, 1.1), delivery = rating(1, 5, 3.0, 1.3))
signal <- 0.5 * (d$app - 3) + 0.15 * (d$staff - 5) + 0.2 * (d$wait - 4) + 0.01 * (d$refund - 50) + 0.3 * (d$store - 3) + 0.25 * (d$delivery - 3)
d$overall <- pmin(7, pmax(1, round(4 + 0.3 * signal + rnorm(n, 0, 1))))
d$score <- pmin(100, pmax(0, round(4 * (60 + 3 * signal + rnorm(n, 0, 12))) / 4))
d$app[sample(n, 40)] <- NA
d$staff[sample(n, 25)] <- NA
d$overall[sample(n, 15)] <- NA
d$score[sample(n, 30)] <- NA
write.csv(d, "test/golden/experience/penalty-reward-large.csv", row.names = FALSE, na = "")

boxes <- list(app = c(2, 5), staff = c(1, 10), wait = c(2, 7), refund = c(20, 80), store = c(2, 5), delivery = c(2, 5))
botanic <- read.csv("test/corpus/heldout/botanic-nps.csv")
out <- list(
  producer = R.version.string,
  overall = model(d, boxes, "overall"),
  score = model(d, boxes, "score"),
  botanic = model(botanic, list(satisfaction = c(2, 10), intention = c(2, 10)), "nps")
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/experience/penalty-reward-large.json")
