# Grouped Shapley decompositions of R-squared (LMG with journey stages as players) in layouts that
# exercise every path of the exact enumeration: a multi-variable group first with single-variable
# players last, single players with a group in the middle, and one group holding everything.
# Computed from first principles in base R: every subset's R-squared from lm() on the complete
# cases, Shapley weights s!(p-s-1)!/p!. Run from the project root: Rscript test/golden/importance/groups.R
source("test/golden/common.R")
load_ref <- complete_reference
r2 <- function(X, y, vars) if (length(vars) == 0) 0 else summary(lm(y ~ X[, vars, drop = FALSE]))$r.squared
shapley <- function(X, y, players) {
  p <- length(players)
  v <- function(s) r2(X, y, unlist(players[which(bitwAnd(s, 2^(0:(p - 1))) > 0)]))
  values <- sapply(0:(2^p - 1), v)
  sapply(seq_len(p), function(j) {
    total <- 0
    for (s in 0:(2^p - 1)) {
      if (bitwAnd(s, 2^(j - 1)) > 0) next
      size <- sum(bitwAnd(s, 2^(0:(p - 1))) > 0)
      total <- total + factorial(size) * factorial(p - size - 1) / factorial(p) * (values[s + 2^(j - 1) + 1] - values[s + 1])
    }
    total
  })
}
layouts <- list(
  "survey-n47-k7-s1000" = list(before = c("tp1", "tp2", "tp3"), tp4 = "tp4", tp5 = "tp5", tp6 = "tp6", tp7 = "tp7"),
  "survey-n200-k5-s1000" = list(tp1 = "tp1", middle = c("tp2", "tp3", "tp4"), tp5 = "tp5"),
  "survey-n500-k7-missing-s1000" = list(early = c("tp1", "tp2"), tp3 = "tp3", late = c("tp4", "tp5", "tp6", "tp7")),
  "survey-n60-k4-scale7-s1000" = list(all = c("tp1", "tp2", "tp3", "tp4"))
)
out <- list(producer = R.version.string)
for (name in names(layouts)) {
  r <- load_ref(name)
  players <- lapply(layouts[[name]], function(g) match(g, r$x))
  out[[name]] <- list(groups = lapply(layouts[[name]], I), rSquared = r2(r$X, r$y, seq_along(r$x)),
                      lmg = setNames(as.list(shapley(r$X, r$y, players)), names(layouts[[name]])))
}
# The journey stages of test/experience/key-drivers.test.ts (keyDrivers' stageImportance).
stages <- list(pre = c("tp1", "tp2", "tp3"), sale = c("tp4", "tp5"), after = c("tp6", "tp7"))
r <- load_ref("survey-n47-k7-s1000")
out$keyDriverStages <- list(survey = "survey-n47-k7-s1000", groups = lapply(stages, I),
                            lmg = setNames(as.list(shapley(r$X, r$y, lapply(stages, function(g) match(g, r$x)))), names(stages)))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/importance/groups.json")
