# Shared by generate.R and shapley14.R: the public airline file read as both analyse it (0 = not
# applicable -> NA, y = satisfied), the glm fit of a subset of columns and the Shapley formula.
# Sourced from the project root.
library(jsonlite)
d <- read.csv("test/corpus/heldout/airline-passenger-satisfaction.csv", check.names = FALSE, stringsAsFactors = FALSE)
tp <- c("Inflight wifi service", "Departure/Arrival time convenient", "Ease of Online booking", "Gate location",
        "Food and drink", "Online boarding", "Seat comfort", "Inflight entertainment", "On-board service",
        "Leg room service", "Baggage handling", "Checkin service", "Inflight service", "Cleanliness")
stopifnot(all(tp %in% names(d)))
notApplicable <- sapply(tp, function(v) sum(d[[v]] == 0))
for (v in tp) d[[v]][d[[v]] == 0] <- NA
d$y <- as.numeric(d$satisfaction == "satisfied")
stopifnot(all(d$satisfaction %in% c("satisfied", "neutral or dissatisfied")))

ctrl <- glm.control(epsilon = 1e-14, maxit = 100)
loglik_of <- function(X, y, cols) {
  Z <- cbind(1, X[, cols, drop = FALSE])
  fit <- glm.fit(Z, y, family = binomial(), control = ctrl)
  stopifnot(fit$converged)
  -fit$deviance / 2
}
shapley <- function(value, p) {
  sapply(seq_len(p), function(j) {
    bit <- 2^(j - 1)
    total <- 0
    for (mask in 0:(2^p - 1)) {
      if (bitwAnd(mask, bit) != 0) next
      s <- sum(as.integer(intToBits(mask)))
      total <- total + factorial(s) * factorial(p - s - 1) / factorial(p) * (value[mask + bit + 1] - value[mask + 1])
    }
    total
  })
}
