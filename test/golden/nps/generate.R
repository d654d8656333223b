# Golden values for netPromoterScore: the NPS formula in base R, and survey::svymean for the
# weighted score (design with the weights only: svydesign(ids = ~1, weights = ~w)).
# score = 100 (p - d); unweighted SE = 100 sqrt((p + d - (p - d)^2) / n); normal interval
# score -/+ qnorm((1 + level) / 2) SE.
# Run from the project root: Rscript test/golden/nps/generate.R
library(jsonlite)
library(survey)
nps_formula <- function(x, level = 0.95) {
  x <- x[!is.na(x)]
  n <- length(x)
  p <- mean(x >= 9); d <- mean(x <= 6); pas <- mean(x >= 7 & x <= 8)
  se <- 100 * sqrt((p + d - (p - d)^2) / n)
  z <- qnorm((1 + level) / 2)
  list(n = n, score = 100 * (p - d), promoters = p, passives = pas, detractors = d, standardError = se,
       ciLower = 100 * (p - d) - z * se, ciUpper = 100 * (p - d) + z * se, level = level)
}
nps_weighted <- function(x, w, level = 0.95) {
  keep <- !is.na(x) & !is.na(w) & w > 0
  d <- data.frame(u = ifelse(x[keep] >= 9, 1, ifelse(x[keep] >= 7, 0, -1)), pro = as.numeric(x[keep] >= 9),
                  pas = as.numeric(x[keep] >= 7 & x[keep] <= 8), det = as.numeric(x[keep] <= 6), w = w[keep])
  des <- svydesign(ids = ~1, weights = ~w, data = d)
  m <- svymean(~u + pro + pas + det, des)
  ci <- confint(svymean(~u, des), level = level)
  list(n = sum(keep), score = 100 * coef(m)[["u"]], promoters = coef(m)[["pro"]], passives = coef(m)[["pas"]],
       detractors = coef(m)[["det"]], standardError = 100 * SE(m)[["u"]],
       ciLower = 100 * ci[1, 1], ciUpper = 100 * ci[1, 2], level = level)
}
air <- read.csv("fixtures/airline/airline.csv", stringsAsFactors = FALSE)
example <- c(10, 9, 9, 8, 7, 6, 3, 10, 9, 5)
out <- list(
  generator = paste("R", R.version$major, R.version$minor, "; survey", as.character(packageVersion("survey"))),
  example = list(input = example, expected = nps_formula(example)),
  airline = nps_formula(air$recommend),
  airline90 = nps_formula(air$recommend, 0.9),
  airlineWeighted = nps_weighted(air$recommend, air$weight)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/nps/nps.json")
