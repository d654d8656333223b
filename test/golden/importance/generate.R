# Golden values for Johnson's relative weights, dominance analysis, grouped Shapley (LMG) and
# weighted LMG, computed from first principles in base R (relaimpo is not packaged for Debian):
# every subset's R-squared comes from lm() on the complete cases.
# Run from the project root: Rscript test/golden/importance/generate.R
source("test/golden/common.R")
load_ref <- complete_reference
r2 <- function(X, y, w, vars) {
  if (length(vars) == 0) return(0)
  d <- data.frame(y = y, X[, vars, drop = FALSE])
  summary(if (is.null(w)) lm(y ~ ., d) else lm(y ~ ., d, weights = w))$r.squared
}
all_r2 <- function(X, y, w) {
  k <- ncol(X)
  sapply(0:(2^k - 1), function(mask) r2(X, y, w, which(bitwAnd(mask, 2^(0:(k - 1))) > 0)))
}
shapley <- function(R2, players) {
  # players: list of variable index vectors; R2 indexed by variable mask + 1
  p <- length(players)
  vmask <- sapply(players, function(v) sum(2^(v - 1)))
  sapply(seq_len(p), function(j) {
    total <- 0
    for (s in 0:(2^p - 1)) {
      if (bitwAnd(s, 2^(j - 1)) > 0) next
      members <- which(bitwAnd(s, 2^(0:(p - 1))) > 0)
      size <- length(members)
      m <- sum(vmask[members])
      wgt <- factorial(size) * factorial(p - size - 1) / factorial(p)
      total <- total + wgt * (R2[m + vmask[j] + 1] - R2[m + 1])
    }
    total
  })
}
johnson <- function(X, y, w) {
  C <- if (is.null(w)) cor(cbind(X, y)) else cov2cor(cov.wt(cbind(X, y), wt = w)$cov)
  k <- ncol(X); Rxx <- C[1:k, 1:k]; rxy <- C[1:k, k + 1]
  e <- eigen(Rxx, symmetric = TRUE)
  Lambda <- e$vectors %*% diag(sqrt(e$values)) %*% t(e$vectors)
  beta <- solve(Lambda, rxy)
  setNames(as.vector(Lambda^2 %*% beta^2), colnames(X))
}
dominance <- function(X, y, R2) {
  k <- ncol(X)
  cond <- matrix(0, k, k)  # cond[j, s + 1]: mean increment of j over subsets of size s
  for (j in 1:k) for (s in 0:(k - 1)) {
    incs <- c()
    for (mask in 0:(2^k - 1)) {
      vars <- which(bitwAnd(mask, 2^(0:(k - 1))) > 0)
      if (j %in% vars || length(vars) != s) next
      incs <- c(incs, R2[mask + 2^(j - 1) + 1] - R2[mask + 1])
    }
    cond[j, s + 1] <- mean(incs)
  }
  complete <- list()
  for (i in 1:k) for (j in 1:k) if (i != j) {
    ok <- TRUE
    for (mask in 0:(2^k - 1)) {
      vars <- which(bitwAnd(mask, 2^(0:(k - 1))) > 0)
      if (i %in% vars || j %in% vars) next
      if (!(R2[mask + 2^(i - 1) + 1] > R2[mask + 2^(j - 1) + 1])) { ok <- FALSE; break }
    }
    if (ok) complete[[length(complete) + 1]] <- c(colnames(X)[i], colnames(X)[j])
  }
  list(general = setNames(rowMeans(cond), colnames(X)),
       conditional = lapply(1:k, function(j) list(predictor = colnames(X)[j], bySubsetSize = cond[j, ])),
       complete = complete)
}
out <- list(producer = R.version.string)
for (name in c("survey-n47-k7-s1000", "survey-n200-k5-s1000", "survey-n25-k3-s1000", "survey-n60-k4-scale7-s1000", "survey-n300-k6-weighted-s1000")) {
  r <- load_ref(name)
  R2 <- all_r2(r$X, r$y, r$w)
  k <- ncol(r$X)
  entry <- list(rSquared = R2[2^k], lmg = setNames(as.list(shapley(R2, as.list(1:k))), r$x),
                johnson = as.list(johnson(r$X, r$y, r$w)))
  if (is.null(r$w)) {
    d <- dominance(r$X, r$y, R2)
    entry$dominance <- list(general = as.list(d$general), conditional = d$conditional, complete = d$complete)
  }
  if (k >= 5) {
    groups <- list(first = 1:2, middle = 3:(k - 2), last = (k - 1):k)
    entry$groups <- list(definition = lapply(groups, function(g) I(r$x[g])),
                         lmg = setNames(as.list(shapley(R2, groups)), names(groups)))
  }
  out[[name]] <- entry
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/importance/importance.json")
