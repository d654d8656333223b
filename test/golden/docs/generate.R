# Numbers quoted by TSDoc and docs examples on the bundled Zhijiang reconstruction
# (fixtures/zhijiang/zhijiang.csv), computed independently in base R.
# Run from the project root: Rscript test/golden/docs/generate.R
library(jsonlite)
d <- read.csv("fixtures/zhijiang/zhijiang.csv")
x <- c("brand_image", "technology", "quality", "price", "delivery", "service_staff", "meeting")
X <- as.matrix(d[, x]); y <- d$overall; k <- length(x); neutral <- 3

# peakEnd: most-intense peak on the means over all answers, end = meeting; figures on the
# respondents who answered peak, end and overall.
means <- colMeans(X, na.rm = TRUE)
p <- which.max(abs(means - neutral))
dd <- 0.5 * X[, p] + 0.5 * X[, k] - y
same <- !is.na(dd)
prediction <- 0.5 * mean(X[same, p]) + 0.5 * mean(X[same, k])
own_peak <- function(v) { v <- v[!is.na(v)]; v[which.max(abs(v - neutral))] }
pred <- sapply(seq_len(nrow(X)), function(i) if (is.na(X[i, k])) NA else 0.5 * own_peak(X[i, ]) + 0.5 * X[i, k])
cc <- complete.cases(X, y)
pe <- abs(pred[cc] - y[cc]); av <- abs(rowMeans(X[cc, ]) - y[cc])
w <- suppressWarnings(wilcox.test(pe, av, paired = TRUE))

# keyDrivers: lm on complete cases, LMG by all subsets (Shapley value of R-squared).
dc <- d[complete.cases(d[, c(x, "overall")]), ]
fit <- summary(lm(reformulate(x, "overall"), data = dc))
r2 <- function(S) if (length(S) == 0) 0 else summary(lm(reformulate(x[S], "overall"), data = dc))$r.squared
subsets <- unlist(lapply(0:k, function(m) combn(k, m, simplify = FALSE)), recursive = FALSE)
R2 <- sapply(subsets, r2)
key <- sapply(subsets, function(S) paste(sort(S), collapse = ","))
lmg <- sapply(seq_len(k), function(j) {
  sum(sapply(seq_along(subsets), function(s) {
    S <- subsets[[s]]; if (j %in% S) return(0)
    wgt <- factorial(length(S)) * factorial(k - length(S) - 1) / factorial(k)
    wgt * (R2[match(paste(sort(c(S, j)), collapse = ","), key)] - R2[s])
  }))
})
names(lmg) <- x
coefs <- coef(fit)
share <- lmg / fit$r.squared
keyMoments <- x[coefs[x, 4] < 0.05 & coefs[x, 1] > 0 & share >= 1 / (2 * k)]
tpMeans <- colMeans(X, na.rm = TRUE)

# penaltyReward on delivery (1-5: low <= 2, high = 5), complete cases.
D <- do.call(cbind, lapply(x, function(v) cbind(as.numeric(dc[, v] <= 2), as.numeric(dc[, v] >= 5))))
colnames(D) <- as.vector(rbind(paste(x, "low"), paste(x, "high")))
pr <- coef(summary(lm(dc$overall ~ D)))
P <- max(0, -pr["Ddelivery low", 1]); R <- max(0, pr["Ddelivery high", 1])

out <- list(
  producer = R.version.string,
  rowsRead = nrow(d),
  peakEnd = list(peak = x[p], n = sum(same), prediction = prediction, observed = mean(y[same]),
                 allAnswersPrediction = unname(0.5 * means[p] + 0.5 * means[k]), allAnswersObserved = mean(y, na.rm = TRUE),
                 comparisonN = sum(cc), maePeakEnd = mean(pe), maeMean = mean(av), wilcoxonPValue = w$p.value),
  keyDrivers = list(n = nrow(dc), rSquared = fit$r.squared, lmgShare = as.list(share), keyMoments = I(keyMoments),
                    painPoints = I(keyMoments[tpMeans[keyMoments] < 4])),
  penaltyReward = list(delivery = list(lowCount = sum(dc$delivery <= 2), middleCount = sum(dc$delivery > 2 & dc$delivery < 5),
                                       highCount = sum(dc$delivery >= 5), penalty = pr["Ddelivery low", 1], penaltyStdError = pr["Ddelivery low", 2],
                                       reward = pr["Ddelivery high", 1], rewardStdError = pr["Ddelivery high", 2], impactAsymmetry = (R - P) / (R + P)))
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/docs/zhijiang-examples.json")
