# Golden values for penaltyReward: overall regressed on a low-box (<= 2) and a high-box (= 5)
# dummy per touchpoint with lm(), on reference surveys (complete cases).
# Run from the project root: Rscript test/golden/experience/penalty-reward.R
library(jsonlite)
out <- list(producer = R.version.string)
for (name in c("survey-n47-k7-s1000", "survey-n200-k5-s1000", "survey-n500-k7-missing-s1000")) {
  ref <- fromJSON(file.path("test/golden/reference", paste0(name, ".json")), simplifyVector = FALSE)
  m <- t(sapply(ref$data, function(r) sapply(r, function(v) if (is.null(v)) NA_real_ else as.numeric(v))))
  colnames(m) <- unlist(ref$columns); x <- unlist(ref$model$x)
  d <- m[complete.cases(m[, c(x, ref$model$y)]), ]
  D <- do.call(cbind, lapply(x, function(v) cbind(as.numeric(d[, v] <= 2), as.numeric(d[, v] >= 5))))
  colnames(D) <- as.vector(rbind(paste(x, "low"), paste(x, "high")))
  fit <- summary(lm(d[, ref$model$y] ~ D))
  cf <- coef(fit)
  out[[name]] <- lapply(x, function(v) {
    low <- paste0("D", v, " low"); high <- paste0("D", v, " high")
    list(touchpoint = v, lowShare = mean(d[, v] <= 2), highShare = mean(d[, v] >= 5),
         penalty = cf[low, 1], penaltyPValue = cf[low, 4], reward = cf[high, 1], rewardPValue = cf[high, 4])
  })
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/experience/penalty-reward.json")
