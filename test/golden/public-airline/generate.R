# Golden values for the public airline passenger satisfaction survey
# (test/corpus/heldout/airline-passenger-satisfaction.csv: 8,507 passengers, 14 service ratings 1-5
# where 0 = not applicable, `satisfaction` = "satisfied" / "neutral or dissatisfied").
# - the not-applicable (0) count per rating column;
# - complete-case glm(binomial) on the 14 ratings: coefficients, standard errors (R's, and at the
#   estimate), z, p, logLik, deviance, null deviance, AIC;
# - the Shapley value of McFadden's pseudo-R-squared over the first 8 ratings (2^8 subset fits on the
#   complete cases of those 8); over all 14 (2^14 fits) it is in shapley14.R / shapley14.json;
# - dummy-variable adjustment: every passenger, each rating with a 0 filled with its mean over the
#   passengers who rated it plus an indicator "<column>:not answered"; glm(binomial) on those columns,
#   over the seven ratings whose indicator does not separate the outcome (`separatingIndicators`
#   lists the others: every passenger with that rating not applicable has the same outcome).
# R's summary() takes its standard errors from the IRLS weights of the iteration before the last
# (about 1e-8 away here); the `AtEstimate` values use the weights at the estimate, as our fit does.
# glm.control(epsilon = 1e-14, maxit = 100) lets IRLS converge fully; the subset fits call glm.fit on
# the same design columns (the same algorithm as glm(), without the formula machinery).
# Run from the project root: Rscript test/golden/public-airline/generate.R
source("test/golden/public-airline/data.R")


cc <- d[complete.cases(d[, tp]), ]
glm14 <- full_fit(cc, tp)

tp8 <- tp[1:8]
cc8 <- d[complete.cases(d[, tp8]), ]
shapley8 <- mcfadden_shapley(as.matrix(cc8[, tp8]), cc8$y, setNames(as.list(tp8), tp8))
glm8 <- full_fit(cc8, tp8)

# Dummy adjustment over the seven ratings whose "not answered" indicator does not separate the
# outcome: all 254 passengers without wifi were satisfied, and the six ratings with a single 0 have
# it from a dissatisfied passenger, so with those the maximum-likelihood estimate does not exist.
tpDummy <- c("Departure/Arrival time convenient", "Ease of Online booking", "Gate location", "Food and drink",
             "Online boarding", "Leg room service", "Baggage handling")
separating <- sapply(tp, function(v) { na <- is.na(d[[v]]); any(na) && length(unique(d$y[na])) == 1 })
dd <- data.frame(y = d$y, check.names = FALSE)
cols <- character(0)
fill <- list()
for (v in tpDummy) {
  x <- d[[v]]
  dd[[v]] <- x
  cols <- c(cols, v)
  if (any(is.na(x))) {
    ind <- paste0(v, ":not answered")
    dd[[ind]] <- as.numeric(is.na(x))
    fill[[v]] <- mean(x, na.rm = TRUE)
    dd[[v]][is.na(x)] <- fill[[v]]
    cols <- c(cols, ind)
  }
}
dummy <- full_fit(dd, cols)
dummy$fillMeans <- fill
dummy$touchpoints <- tpDummy

out <- list(
  generator = paste("R", R.version$major, R.version$minor, "glm(binomial), glm.fit"),
  rows = nrow(d), touchpoints = tp, notApplicable = as.list(notApplicable),
  completeCases = nrow(cc), glm14 = glm14,
  touchpoints8 = tp8, glm8 = glm8, shapley8 = shapley8, dummy = dummy,
  separatingIndicators = as.list(tp[separating])
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/public-airline/public-airline.json")
