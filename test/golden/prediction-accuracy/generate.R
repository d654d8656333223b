# Golden values for binaryPredictionAccuracy: log-loss, Brier score and AUC (Mann-Whitney
# W / (n1 n0) from wilcox.test, mid-ranks for ties) in base R, on fixtures/airline/airline.csv:
# probabilities from glm(binomial) of satisfaction on the seven touchpoints (complete cases) and,
# as a score on the rating scale with many ties, each respondent's mean touchpoint rating.
# Run from the project root: Rscript test/golden/prediction-accuracy/generate.R
library(jsonlite)
d <- read.csv("fixtures/airline/airline.csv", stringsAsFactors = FALSE)
tp <- c("booking", "checkin", "boarding", "seat", "wifi", "food", "baggage")
for (v in tp) d[[v]][!is.na(d[[v]]) & d[[v]] == 0] <- NA
d$y <- as.numeric(d$satisfaction == "satisfied")
cc <- d[complete.cases(d[, tp]), ]
fit <- glm(as.formula(paste("y ~", paste(tp, collapse = " + "))), family = binomial, data = cc, control = glm.control(epsilon = 1e-14, maxit = 100))
p <- unname(fitted(fit))
y <- cc$y
s <- rowMeans(cc[, tp])
measures <- function(p, y, s) {
  n1 <- sum(y == 1); n0 <- sum(y == 0)
  W <- suppressWarnings(wilcox.test(s[y == 1], s[y == 0], exact = FALSE))$statistic[["W"]]
  list(n = length(y), events = n1, logLoss = -mean(y * log(p) + (1 - y) * log(1 - p)), brierScore = mean((p - y)^2), auc = W / (n1 * n0))
}
out <- list(
  generator = paste("R", R.version$major, R.version$minor),
  probabilities = p, outcomes = y, scores = s,
  withScores = measures(p, y, s),
  withProbabilities = measures(p, y, p)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA), "test/golden/prediction-accuracy/binary.json")
