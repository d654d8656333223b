# Golden values for peakEnd's regression check on the public airline survey (binary outcome): the
# peak touchpoint (the touchpoint mean furthest from the neutral 3, over each column's answers; 0 =
# not applicable is not an answer) and the end (the last touchpoint), and glm(binomial) of
# satisfied on the two, complete cases of those two columns. R's summary() takes its standard
# errors from the IRLS weights of the iteration before the last (about 1e-8 away here); the
# `AtEstimate` values use the weights at the estimate, as peak-end's logistic fit does.
# Run from the project root: Rscript test/golden/public-airline/peak-end.R
library(jsonlite)
d <- read.csv("test/corpus/heldout/airline-passenger-satisfaction.csv", check.names = FALSE, stringsAsFactors = FALSE)
tp <- c("Inflight wifi service", "Departure/Arrival time convenient", "Ease of Online booking", "Gate location",
        "Food and drink", "Online boarding", "Seat comfort", "Inflight entertainment", "On-board service",
        "Leg room service", "Baggage handling", "Checkin service", "Inflight service", "Cleanliness")
for (v in tp) d[[v]][d[[v]] == 0] <- NA
d$y <- as.numeric(d$satisfaction == "satisfied")
means <- sapply(tp, function(v) mean(d[[v]], na.rm = TRUE))
peak <- tp[which.max(abs(means - 3))]
end <- tp[length(tp)]
cc <- d[complete.cases(d[, c(peak, end)]), ]
fit <- glm(as.formula(paste0("y ~ `", peak, "` + `", end, "`")), family = binomial, data = cc, control = glm.control(epsilon = 1e-14, maxit = 100))
cf <- coef(summary(fit))
X <- model.matrix(fit); mu <- fitted(fit)
at <- sqrt(diag(solve(crossprod(X, X * (mu * (1 - mu))))))
out <- list(
  generator = paste("R", R.version$major, R.version$minor, "glm(binomial)"),
  peak = peak, end = end, n = nrow(cc), logLik = as.numeric(logLik(fit)), aic = AIC(fit),
  coefficients = lapply(seq_len(nrow(cf)), function(i) list(name = gsub("`", "", rownames(cf)[i]), estimate = cf[i, 1], stdError = cf[i, 2], stdErrorAtEstimate = at[[i]], zValue = cf[i, 3], pValue = cf[i, 4],
                                                    zValueAtEstimate = cf[i, 1] / at[[i]], pValueAtEstimate = 2 * pnorm(-abs(cf[i, 1] / at[[i]]))))
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/public-airline/peak-end.json")
