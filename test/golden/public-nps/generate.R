# Golden values for the public Botanic NPS survey (test/corpus/heldout/botanic-nps.csv: 13,954
# garden-centre customers; `nps` = likelihood to recommend, 1-10 as collected, on the 0-10 NPS
# question; `satisfaction` and `intention` (to return) rated 1-10; empty cell = no answer).
# - the Net Promoter Score from the formula: p = share 9-10, d = share 0-6 among the answers,
#   score = 100 (p - d), SE = 100 sqrt((p + d - (p - d)^2) / n), normal 95% interval;
# - promoter (9-10) vs not on satisfaction and intention: glm(binomial) on the complete cases, and
#   the Shapley value of McFadden's pseudo-R-squared (both subsets of one predictor and the full fit);
# - the 0-10 answer as a rating on the same two: lm and the Shapley value of R-squared (LMG).
# glm.control(epsilon = 1e-14, maxit = 100) lets IRLS converge fully.
# Run from the project root: Rscript test/golden/public-nps/generate.R
library(jsonlite)
d <- read.csv("test/corpus/heldout/botanic-nps.csv")
tp <- c("satisfaction", "intention")

x <- d$nps[!is.na(d$nps)]
n <- length(x)
p <- mean(x >= 9); det <- mean(x <= 6); pas <- mean(x >= 7 & x <= 8)
se <- 100 * sqrt((p + det - (p - det)^2) / n)
z <- qnorm(0.975)
nps <- list(n = n, excluded = sum(is.na(d$nps)), score = 100 * (p - det), promoters = p, passives = pas, detractors = det,
            standardError = se, ciLower = 100 * (p - det) - z * se, ciUpper = 100 * (p - det) + z * se)

cc <- d[complete.cases(d[, c("nps", tp)]), ]
cc$promoter <- as.numeric(cc$nps >= 9)
ctrl <- glm.control(epsilon = 1e-14, maxit = 100)
fit <- function(cols) glm(as.formula(paste("promoter ~", if (length(cols)) paste(cols, collapse = " + ") else "1")), family = binomial, data = cc, control = ctrl)
full <- fit(tp)
ll <- sapply(list(character(0), tp[1], tp[2], tp), function(cols) as.numeric(logLik(fit(cols))))
r2 <- 1 - ll / ll[1]
# Two players: phi_1 = (v({1}) + v({1,2}) - v({2})) / 2 with v(empty) = 0.
shap <- c((r2[2] + r2[4] - r2[3]) / 2, (r2[3] + r2[4] - r2[2]) / 2)
cf <- coef(summary(full))
X <- model.matrix(full); mu <- fitted(full)
at <- sqrt(diag(solve(crossprod(X, X * (mu * (1 - mu))))))
promoter <- list(
  n = nrow(cc), promoters = sum(cc$promoter),
  coefficients = lapply(seq_len(nrow(cf)), function(i) list(name = rownames(cf)[i], estimate = cf[i, 1], stdError = cf[i, 2], stdErrorAtEstimate = at[[i]], zValue = cf[i, 3], pValue = cf[i, 4])),
  logLik = ll[4], nullLogLik = ll[1], deviance = deviance(full), aic = AIC(full),
  rSquared = r2[4], importance = as.list(setNames(shap, tp))
)

lmfit <- lm(nps ~ satisfaction + intention, data = cc)
r2lm <- c(0, summary(lm(nps ~ satisfaction, data = cc))$r.squared, summary(lm(nps ~ intention, data = cc))$r.squared, summary(lmfit)$r.squared)
cl <- coef(summary(lmfit))
rating <- list(
  n = nrow(cc), rSquared = r2lm[4],
  importance = as.list(setNames(c((r2lm[2] + r2lm[4] - r2lm[3]) / 2, (r2lm[3] + r2lm[4] - r2lm[2]) / 2), tp)),
  coefficients = lapply(seq_len(nrow(cl)), function(i) list(name = rownames(cl)[i], estimate = cl[i, 1], stdError = cl[i, 2], tValue = cl[i, 3], pValue = cl[i, 4]))
)

noAnswers <- sum(rowSums(!is.na(d[, c("nps", tp)])) == 0)   # rows with no rating at all
out <- list(generator = paste("R", R.version$major, R.version$minor, "glm(binomial), lm"), rows = nrow(d), noAnswers = noAnswers, nps = nps, promoter = promoter, rating = rating)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/public-nps/public-nps.json")
