# Golden values for gestaltFeatures and the Gestalt battery (peakEnd(survey).gestalt), computed
# independently in R: features from their definitions, lm, anova(m1, m2), logLik/AIC/BIC,
# leave-one-out (PRESS) RMSE from hatvalues, psych::r.test (Williams' t), Zou's (2007) interval by
# its formula, relaimpo::calc.relimp (lmg, rela = FALSE); for three cases ordinal::clm fits of the
# same models (overall as ordered categories) with anova(clm1, clm2) likelihood-ratio tests.
# Run from the project root: Rscript test/golden/gestalt/generate.R
suppressPackageStartupMessages({ library(jsonlite); library(psych); library(relaimpo); library(ordinal) })

source("test/golden/gestalt/helpers.R")

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
