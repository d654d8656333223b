# Golden values for gestaltFeatures and the Gestalt battery (peakEnd(survey).gestalt), computed
# independently in R: features from their definitions, lm, anova(m1, m2), logLik/AIC/BIC,
# leave-one-out (PRESS) RMSE from hatvalues, psych::r.test (Williams' t), Zou's (2007) interval by
# its formula, relaimpo::calc.relimp (lmg, rela = FALSE); for three cases ordinal::clm fits of the
# same models (overall as ordered categories) with anova(clm1, clm2) likelihood-ratio tests.
# Run from the project root: Rscript test/golden/gestalt/generate.R
suppressPackageStartupMessages({ library(jsonlite); library(psych); library(relaimpo); library(ordinal) })
control <- clm.control(gradTol = 1e-12, relTol = 1e-10, maxIter = 200)  # estimates at the maximum

source("test/golden/gestalt/helpers.R")

battery <- function(X, overall, neutral, rule = "most-intense", w = NULL, peak_weight = 0.5, ordinal = FALSE) {
  f <- features_of(X, neutral, rule)
  keep <- !is.na(f$variability) & !is.na(overall)
  if (!is.null(w)) keep <- keep & w > 0
  d <- cbind(f[keep, ], overall = overall[keep])
  wk <- if (is.null(w)) rep(1, nrow(d)) else w[keep]
  d$w <- wk
  other <- if (rule == "min") "peakHigh" else "trough"
  terms <- list(`mean` = "mean", `peak-end` = c("peak", "end"), `mean+peak-end` = c("mean", "peak", "end"),
                gestalt = c("mean", "peak", "end", other, "beginning", "trend", "variability"))
  fits <- lapply(terms, function(t) lm(reformulate(t, "overall"), data = d, weights = w))
  models <- lapply(names(terms), function(name) {
    fit <- fits[[name]]; s <- summary(fit)
    loo <- residuals(fit) / (1 - hatvalues(fit))
    list(name = name, terms = I(terms[[name]]), n = nrow(d),
         estimates = unname(coef(fit)), stdErrors = unname(s$coefficients[, 2]),
         tValues = unname(s$coefficients[, 3]), pValues = unname(s$coefficients[, 4]),
         rSquared = s$r.squared, adjustedRSquared = s$adj.r.squared, residualStdError = s$sigma,
         dfResidual = fit$df.residual, logLik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit),
         looRmse = sqrt(sum(d$w * loo^2) / sum(d$w)))
  })
  nested <- lapply(list(c("mean", "mean+peak-end"), c("peak-end", "mean+peak-end"), c("mean+peak-end", "gestalt")), function(p) {
    a <- anova(fits[[p[1]]], fits[[p[2]]])
    list(from = p[1], to = p[2], fStatistic = a$F[2], df1 = a$Df[2], df2 = a$Res.Df[2], pValue = a$`Pr(>F)`[2])
  })
  score <- peak_weight * d$peak + (1 - peak_weight) * d$end
  r <- cov.wt(cbind(d$overall, score, d$mean), wt = d$w / sum(d$w), cor = TRUE)$cor
  dep <- dependent(nrow(d), r[1, 2], r[1, 3], r[2, 3])
  g <- terms$gestalt
  ri <- if (is.null(w)) calc.relimp(fits$gestalt, type = "lmg", rela = FALSE)
        else calc.relimp(reformulate(g, "overall"), data = d, weights = d$w, type = "lmg", rela = FALSE)
  importance <- as.list(setNames(unname(ri@lmg[g]), g))
  ord <- NULL
  if (ordinal) {
    d$y <- droplevels(factor(d$overall, ordered = TRUE))
    cfits <- lapply(terms, function(t) clm(reformulate(t, "y"), data = d, weights = w, control = control))
    ord <- list(
      models = lapply(names(terms), function(name) {
        fit <- cfits[[name]]
        list(name = name, n = nrow(d), thresholds = I(unname(fit$alpha)), beta = I(unname(fit$beta)),
             logLik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit))
      }),
      likelihoodRatioTests = lapply(list(c("mean", "mean+peak-end"), c("peak-end", "mean+peak-end"), c("mean+peak-end", "gestalt")), function(p) {
        a <- anova(cfits[[p[1]]], cfits[[p[2]]])
        list(from = p[1], to = p[2], statistic = a$LR.stat[2], df = a$df[2], pValue = a$`Pr(>Chisq)`[2])
      }))
  }
  list(n = nrow(d), excluded = length(overall) - nrow(d), models = models, nestedTests = nested, ordinal = ord,
       dependentCorrelation = list(rPeakEnd = dep$r12, rMean = dep$r13, rBetween = dep$r23, tValue = dep$tValue,
                                   df = dep$df, pValue = dep$pValue, ciLower = dep$ciLower, ciUpper = dep$ciUpper),
       importance = importance, importanceRSquared = ri@R2,
       features = lapply(as.list(f), function(col) ifelse(is.na(col), NA, col)))
}

zj <- read.csv("fixtures/zhijiang/zhijiang.csv")
zjX <- as.matrix(zj[, c("brand_image", "technology", "quality", "price", "delivery", "service_staff", "meeting")])
ho <- read.csv("test/golden/gestalt/heldout-journey.csv")
hoX <- as.matrix(ho[, c("booking", "arrival", "waiting", "service", "billing", "farewell")])

out <- list(
  cases = list(
    zhijiang = battery(zjX, zj$overall, 3, ordinal = TRUE),
    `zhijiang-min` = battery(zjX, zj$overall, 3, rule = "min"),
    heldout = battery(hoX, ho$overall, 4, ordinal = TRUE),
    `heldout-weighted` = battery(hoX, ho$overall, 4, w = ho$weight, ordinal = TRUE),
    `heldout-max-w07` = battery(hoX, ho$overall, 4, rule = "max", peak_weight = 0.7)
  ),
  # Williams' t and Zou's interval on their own, including a strongly dependent and a negative case.
  dependent = list(
    dependent(103, 0.5, 0.3, 0.4),
    dependent(30, 0.7, 0.65, 0.9),
    dependent(500, -0.2, 0.15, -0.35),
    dependent(12, 0.1, 0.6, 0.2)
  ),
  producer = paste(R.version.string, "| psych", packageVersion("psych"), "| relaimpo", packageVersion("relaimpo"), "| ordinal", packageVersion("ordinal"), "| jsonlite", packageVersion("jsonlite"))
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "test/golden/gestalt/gestalt.json")
