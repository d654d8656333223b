# Golden values for the Gestalt battery on a binary outcome (peakEnd(survey).gestalt.logistic),
# computed independently in R: the four models by glm(family = binomial), anova(m1, m2, test =
# "LRT") for the nested pairs, AIC/BIC of glm, McFadden's R-squared 1 - deviance / null deviance,
# leave-one-out cross-validated log-loss (glm refitted without each respondent), the Shapley value
# of McFadden's R-squared over the seven features (all 127 subsets fitted by glm), and Williams'
# t / Zou's interval on the point-biserial correlations.
# Run from the project root: Rscript test/golden/gestalt/binary.R
suppressPackageStartupMessages({ library(jsonlite); library(psych) })
source("test/golden/gestalt/helpers.R")
control <- glm.control(epsilon = 1e-14, maxit = 100)

# Refitted from its own estimates: glm's standard errors use the working weights of the last
# iteration's starting point, which on 8,500 rows can be 1e-9 away from the maximum.
fit_glm <- function(t, d, polish = TRUE) {
  f <- reformulate(t, "y")
  fit <- suppressWarnings(glm(f, family = binomial, data = d, weights = w, control = control))
  if (polish) fit <- suppressWarnings(glm(f, family = binomial, data = d, weights = w, control = control, start = coef(fit)))
  fit
}

# Out-of-fold log-loss with folds = n: each respondent predicted by the model fitted without them.
loo_log_loss <- function(t, d) {
  losses <- vapply(seq_len(nrow(d)), function(i) {
    fit <- fit_glm(t, d[-i, ], polish = FALSE)
    p <- predict(fit, newdata = d[i, ], type = "response")
    -(d$y[i] * log(p) + (1 - d$y[i]) * log(1 - p))
  }, numeric(1))
  sum(d$w * losses) / sum(d$w)
}

shapley_mcfadden <- function(g, d) {
  k <- length(g)
  null_dev <- fit_glm("1", d)$deviance
  r2 <- sapply(0:(2^k - 1), function(m) {
    v <- g[bitwAnd(m, 2^(0:(k - 1))) > 0]
    if (!length(v)) 0 else 1 - fit_glm(v, d)$deviance / null_dev
  })
  size <- sapply(0:(2^k - 1), function(m) sum(bitwAnd(m, 2^(0:(k - 1))) > 0))
  setNames(sapply(1:k, function(j) {
    bit <- 2^(j - 1)
    without <- which(bitwAnd(0:(2^k - 1), bit) == 0)
    s <- size[without]
    sum(factorial(s) * factorial(k - s - 1) / factorial(k) * (r2[without + bit] - r2[without]))
  }), g)
}

binary_battery <- function(X, outcome, neutral, w = NULL, loo = TRUE, peak_weight = 0.5, head = NULL) {
  f <- features_of(X, neutral)
  keep <- !is.na(f$variability) & !is.na(outcome)
  if (!is.null(w)) keep <- keep & w > 0
  d <- cbind(f[keep, ], y = outcome[keep])
  d$w <- if (is.null(w)) rep(1, nrow(d)) else w[keep]
  terms <- list(`mean` = "mean", `peak-end` = c("peak", "end"), `mean+peak-end` = c("mean", "peak", "end"),
                gestalt = c("mean", "peak", "end", "trough", "beginning", "trend", "variability"))
  fits <- lapply(terms, fit_glm, d = d)
  models <- lapply(names(terms), function(name) {
    fit <- fits[[name]]; s <- summary(fit)$coefficients
    list(name = name, terms = I(terms[[name]]), n = nrow(d),
         estimates = unname(coef(fit)), stdErrors = unname(s[, 2]), zValues = unname(s[, 3]), pValues = unname(s[, 4]),
         logLik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit), deviance = fit$deviance,
         mcFaddenRSquared = 1 - fit$deviance / fit$null.deviance,
         crossValidatedLogLoss = if (loo) loo_log_loss(terms[[name]], d) else NULL)
  })
  tests <- lapply(list(c("mean", "mean+peak-end"), c("peak-end", "mean+peak-end"), c("mean+peak-end", "gestalt")), function(p) {
    a <- anova(fits[[p[1]]], fits[[p[2]]], test = "LRT")
    list(from = p[1], to = p[2], statistic = a$Deviance[2], df = a$Df[2], pValue = a$`Pr(>Chi)`[2])
  })
  # The overall likelihood-ratio test of mean+peak-end against the intercept-only model.
  mpe <- fits[["mean+peak-end"]]
  overallTest <- list(statistic = mpe$null.deviance - mpe$deviance, df = 3, pValue = pchisq(mpe$null.deviance - mpe$deviance, 3, lower.tail = FALSE))
  score <- peak_weight * d$peak + (1 - peak_weight) * d$end
  r <- cov.wt(cbind(d$y, score, d$mean), wt = d$w / sum(d$w), cor = TRUE)$cor
  dep <- dependent(nrow(d), r[1, 2], r[1, 3], r[2, 3])
  importance <- shapley_mcfadden(terms$gestalt, d)
  list(n = nrow(d), excluded = length(outcome) - nrow(d), events = sum(d$y), models = models, likelihoodRatioTests = tests,
       meanPeakEndOverallTest = overallTest,
       dependentCorrelation = list(rPeakEnd = dep$r12, rMean = dep$r13, rBetween = dep$r23, tValue = dep$tValue,
                                   df = dep$df, pValue = dep$pValue, ciLower = dep$ciLower, ciUpper = dep$ciUpper),
       importance = as.list(importance), importanceRSquared = models[[4]]$mcFaddenRSquared,
       # Every respondent's features, or (large surveys) the first `head` rows and per-feature sums and counts.
       features = lapply(as.list(if (is.null(head)) f else f[seq_len(head), ]), function(col) ifelse(is.na(col), NA, col)),
       featureSums = lapply(as.list(f), function(col) sum(col, na.rm = TRUE)),
       featureCounts = lapply(as.list(f), function(col) sum(!is.na(col))))
}

# The held-out journey survey (simulate.R) with the overall rating dichotomised: 6 or 7 of 7 = 1
# (the test adds this column, top2, to the file's text).
ho <- read.csv("test/golden/gestalt/heldout-journey.csv")
hoX <- as.matrix(ho[, c("booking", "arrival", "waiting", "service", "billing", "farewell")])
hoY <- ifelse(is.na(ho$overall), NA, as.numeric(ho$overall >= 6))

# The public airline passenger survey (test/corpus/heldout): 14 ratings 1-5, 0 = not applicable,
# put in the journey order the spec of test/experience/gestalt-binary.test.ts declares.
air <- read.csv("test/corpus/heldout/airline-passenger-satisfaction.csv", check.names = FALSE)
journey <- c("Ease of Online booking", "Departure/Arrival time convenient", "Checkin service", "Gate location", "Online boarding",
             "Seat comfort", "Leg room service", "On-board service", "Inflight service", "Inflight wifi service",
             "Inflight entertainment", "Food and drink", "Cleanliness", "Baggage handling")
airX <- as.matrix(air[, journey]); airX[airX == 0] <- NA
airY <- as.numeric(air$satisfaction == "satisfied")

out <- list(
  cases = list(
    `heldout-binary` = binary_battery(hoX, hoY, 4),
    `heldout-binary-weighted` = binary_battery(hoX, hoY, 4, w = ho$weight),
    airline = binary_battery(airX, airY, 3, loo = FALSE, head = 200)
  ),
  journey = I(journey),
  producer = paste(R.version.string, "| psych", packageVersion("psych"), "| jsonlite", packageVersion("jsonlite"))
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE, null = "null"), "test/golden/gestalt/binary.json")
