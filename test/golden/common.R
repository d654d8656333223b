# Helpers shared by the golden generators (source("test/golden/common.R") from the project root).
# read_reference(name): a reference survey (test/golden/reference/<name>.json) as a numeric matrix
#   m (NA = missing, columns named), its model (x: predictors, y: outcome) and weights (or NULL).
# complete_reference(name): the complete cases of the model: X, y, w (NULL if unweighted), x.
# shapley(value, p): Shapley values of p players from a characteristic function given per bit mask
#   0..2^p-1 (bit j - 1 set = player j in), weights s!(p-s-1)!/p!.
# lmg(X, y, w): Shapley decomposition of R-squared (relaimpo's lmg with rela = FALSE) by
#   enumerating all 2^k subsets, each R-squared from lm() on the same rows; weights optional.
# penalty_dummies(cc, boxes): the low-box (<= boxes[[v]][1]) and high-box (>= boxes[[v]][2]) dummy
#   of each touchpoint v of `boxes` on the complete cases cc, columns "<v> low", "<v> high".
# penalty_factors(cc, boxes, cf): each touchpoint's boxes, shares, counts, penalty and reward
#   (estimate, SE, p) from cf, the coefficient table of lm(overall ~ D), D = penalty_dummies(...).
library(jsonlite)

read_reference <- function(name) {
  ref <- fromJSON(file.path("test/golden/reference", paste0(name, ".json")), simplifyVector = FALSE)
  m <- t(sapply(ref$data, function(r) sapply(r, function(v) if (is.null(v)) NA_real_ else as.numeric(v))))
  colnames(m) <- unlist(ref$columns)
  list(ref = ref, m = m, x = unlist(ref$model$x), y = ref$model$y,
       weights = if (is.null(ref$weights)) NULL else unlist(ref$weights))
}

complete_reference <- function(name) {
  r <- read_reference(name)
  keep <- complete.cases(r$m[, c(r$x, r$y)])
  list(X = r$m[keep, r$x, drop = FALSE], y = r$m[keep, r$y],
       w = if (is.null(r$weights)) NULL else r$weights[keep], x = r$x)
}

lmg <- function(X, y, w = NULL) {
  k <- ncol(X)
  r2 <- sapply(0:(2^k - 1), function(m) {
    v <- which(bitwAnd(m, 2^(0:(k - 1))) > 0)
    if (!length(v)) 0 else summary(if (is.null(w)) lm(y ~ X[, v, drop = FALSE]) else lm(y ~ X[, v, drop = FALSE], weights = w))$r.squared
  })
  sapply(1:k, function(j) {
    s <- 0
    for (m in 0:(2^k - 1)) {
      if (bitwAnd(m, 2^(j - 1)) > 0) next
      size <- sum(bitwAnd(m, 2^(0:(k - 1))) > 0)
      s <- s + factorial(size) * factorial(k - size - 1) / factorial(k) * (r2[m + 2^(j - 1) + 1] - r2[m + 1])
    }
    s
  })
}

shapley <- function(value, p) {
  # value: one entry per bit mask 0..2^p-1 (mask bit j = player j in); Shapley weights s!(p-s-1)!/p!.
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

penalty_dummies <- function(cc, boxes) {
  x <- names(boxes)
  D <- do.call(cbind, lapply(x, function(v) cbind(as.numeric(cc[[v]] <= boxes[[v]][1]), as.numeric(cc[[v]] >= boxes[[v]][2]))))
  colnames(D) <- as.vector(rbind(paste(x, "low"), paste(x, "high")))
  D
}

penalty_factors <- function(cc, boxes, cf) {
  lapply(names(boxes), function(v) {
    lo <- paste0("D", v, " low"); hi <- paste0("D", v, " high"); b <- boxes[[v]]
    list(touchpoint = v, lowAtMost = b[1], highAtLeast = b[2],
         lowShare = mean(cc[[v]] <= b[1]), highShare = mean(cc[[v]] >= b[2]),
         lowCount = sum(cc[[v]] <= b[1]), middleCount = sum(cc[[v]] > b[1] & cc[[v]] < b[2]), highCount = sum(cc[[v]] >= b[2]),
         penalty = cf[lo, 1], penaltyStdError = cf[lo, 2], penaltyPValue = cf[lo, 4],
         reward = cf[hi, 1], rewardStdError = cf[hi, 2], rewardPValue = cf[hi, 4])
  })
}
