# Goldens for segments, weights and adjustment covariates on public surveys the project had not
# seen (issue 16; provenance in test/corpus/heldout/README.md).
# Run from the repository root: Rscript test/golden/public-segments/generate.R
# Writes test/golden/public-segments/airline.json and test/golden/public-segments/air-france.json.
suppressMessages({ library(survey); library(relaimpo); library(jsonlite) })

# --- Airline passenger satisfaction: 8,507 passengers, 14 ratings 1-5 (0 = not applicable),
# binary satisfaction ("satisfied" positive). ---
d <- read.csv("test/corpus/heldout/airline-passenger-satisfaction.csv", check.names = FALSE, stringsAsFactors = FALSE)
touchpoints <- c("Inflight wifi service", "Departure/Arrival time convenient", "Ease of Online booking",
  "Gate location", "Food and drink", "Online boarding", "Seat comfort", "Inflight entertainment",
  "On-board service", "Leg room service", "Baggage handling", "Checkin service", "Inflight service", "Cleanliness")
for (tp in touchpoints) d[[tp]][d[[tp]] == 0] <- NA  # spec notApplicable [0]
d$y <- as.numeric(d$satisfaction == "satisfied")
classes <- sort(unique(d$Class), method = "radix")

# Means (Welch t.test) and top-2-box shares (prop.test without continuity correction) of each
# class against the other two, per touchpoint and for the outcome (its top box: "satisfied").
welch <- lapply(classes, function(v) {
  inside <- d$Class == v
  list(value = v, n = sum(inside), means = lapply(c(touchpoints, "satisfaction"), function(col) {
    values <- if (col == "satisfaction") d$y else d[[col]]
    x <- values[inside]; y <- values[!inside]
    t <- t.test(x, y, var.equal = FALSE)
    top <- if (col == "satisfaction") 1 else 4
    tx <- x[!is.na(x)] >= top; ty <- y[!is.na(y)] >= top
    p <- suppressWarnings(prop.test(c(sum(tx), sum(ty)), c(length(tx), length(ty)), correct = FALSE))
    list(column = col, mean = mean(x, na.rm = TRUE), complement = mean(y, na.rm = TRUE), pValue = t$p.value,
         topTwoBox = mean(tx), topTwoBoxComplement = mean(ty), topTwoBoxPValue = p$p.value)
  }))
})

# Driver differences: glm(satisfied ~ X + D + X:D, binomial) per class on the complete cases, the
# X:D rows with Wald z tests, BH over the 3 x 14 tests (classes in order, touchpoints in file order).
X <- as.matrix(d[, touchpoints])
colnames(X) <- paste0("t", seq_along(touchpoints))
drivers <- list()
for (v in classes) {
  D <- as.numeric(d$Class == v)
  f <- d$y ~ X + D + X:D
  fit <- glm(f, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
  # Refit from the converged estimates so the standard errors use the information at the solution.
  fit <- glm(f, family = binomial, start = coef(fit), control = glm.control(epsilon = 1e-14, maxit = 100))
  stopifnot(fit$converged)
  s <- summary(fit)$coefficients
  for (k in seq_along(touchpoints)) {
    row <- s[paste0("X", colnames(X)[k], ":D"), ]
    drivers[[length(drivers) + 1]] <- list(value = v, touchpoint = touchpoints[k], difference = unname(row[1]),
      stdError = unname(row[2]), pValue = unname(row[4]), n = nobs(fit))
  }
}
padj <- p.adjust(sapply(drivers, function(x) x$pValue), method = "BH")
for (i in seq_along(drivers)) drivers[[i]]$pAdjusted <- padj[i]

# Raking to stated population margins (illustrative, not the airline's real population): gender
# 50/50, customer type 80% loyal / 20% disloyal; then svymean (linearisation SEs, calibration
# taken into account) of every touchpoint and of the outcome's share "satisfied".
margins <- list(Gender = list(Female = 0.5, Male = 0.5), `Customer Type` = list(`Loyal Customer` = 0.8, `disloyal Customer` = 0.2))
d$Customer_Type <- d[["Customer Type"]]
d$one <- 1
design <- svydesign(ids = ~1, weights = ~one, data = d)
pop.gender <- data.frame(Gender = names(margins$Gender), Freq = unlist(margins$Gender) * nrow(d))
pop.customer <- data.frame(Customer_Type = names(margins$`Customer Type`), Freq = unlist(margins$`Customer Type`) * nrow(d))
raked <- rake(design, list(~Gender, ~Customer_Type), list(pop.gender, pop.customer), control = list(maxit = 200, epsilon = 1e-13))
# The raked weights take one value per gender x customer type cell.
cells <- unique(data.frame(Gender = d$Gender, CustomerType = d$Customer_Type, weight = weights(raked)))
cells <- cells[order(cells$Gender, cells$CustomerType, method = "radix"), ]
stopifnot(nrow(cells) == 4)
cells <- lapply(seq_len(nrow(cells)), function(k) as.list(cells[k, ]))
describe <- lapply(c(touchpoints, "satisfaction"), function(col) {
  v <- if (col == "satisfaction") "y" else col
  m <- svymean(as.formula(paste0("~`", v, "`")), raked, na.rm = TRUE)
  list(column = col, mean = unname(coef(m)), standardError = as.numeric(SE(m)))
})

# compareSegments on the raked survey: each class against the rest by svyttest(y ~ D) on the raked
# design (weighted means and top-2-box shares), and the interactions by glm(binomial) with the
# raked weights as prior weights.
rakedWelch <- lapply(classes, function(v) {
  r <- update(raked, D = as.numeric(Class == v))
  one <- function(formula) {
    m <- svyglm(formula, r)
    t <- svyttest(formula, r)
    list(mean = unname(coef(m)[1] + coef(m)[2]), complement = unname(coef(m)[1]), pValue = unname(t$p.value))
  }
  list(value = v, means = lapply(c(touchpoints, "satisfaction"), function(col) {
    v <- if (col == "satisfaction") "y" else paste0("`", col, "`")
    top <- if (col == "satisfaction") 1 else 4
    a <- one(as.formula(paste0(v, " ~ D")))
    b <- one(as.formula(paste0("I(as.numeric(", v, " >= ", top, ")) ~ D")))
    list(column = col, mean = a$mean, complement = a$complement, pValue = a$pValue,
         topTwoBox = b$mean, topTwoBoxComplement = b$complement, topTwoBoxPValue = b$pValue)
  }))
})
rw <- weights(raked)
rakedDrivers <- list()
for (v in classes) {
  D <- as.numeric(d$Class == v)
  f <- d$y ~ X + D + X:D
  fit <- suppressWarnings(glm(f, family = binomial, weights = rw, control = glm.control(epsilon = 1e-14, maxit = 100)))
  fit <- suppressWarnings(glm(f, family = binomial, weights = rw, start = coef(fit), control = glm.control(epsilon = 1e-14, maxit = 100)))
  stopifnot(fit$converged)
  s <- summary(fit)$coefficients
  for (k in seq_along(touchpoints)) {
    row <- s[paste0("X", colnames(X)[k], ":D"), ]
    rakedDrivers[[length(rakedDrivers) + 1]] <- list(value = v, touchpoint = touchpoints[k], difference = unname(row[1]),
      stdError = unname(row[2]), pValue = unname(row[4]), n = nobs(fit))
  }
}
padj <- p.adjust(sapply(rakedDrivers, function(x) x$pValue), method = "BH")
for (i in seq_along(rakedDrivers)) rakedDrivers[[i]]$pAdjusted <- padj[i]

airline <- list(
  meta = list(r = R.version.string, survey = as.character(packageVersion("survey")), n = nrow(d),
              file = "test/corpus/heldout/airline-passenger-satisfaction.csv"),
  segment = "Class", welch = welch, drivers = drivers,
  raking = list(margins = margins, cellWeights = cells, describe = describe, means = rakedWelch, drivers = rakedDrivers)
)
writeLines(toJSON(airline, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/public-segments/airline.json")

# --- Air France satisfaction export (first 300 rows): overall rating note_globale (1-10, one
# decimal), six note_* touchpoints; LMG importance with cabin class and traveller type held
# constant (relaimpo's always), dummy-coded against their first level in sorted (code point) order.
af <- read.csv("test/corpus/heldout/air-france-satisfaction-head300.csv", sep = ";", encoding = "UTF-8", stringsAsFactors = FALSE)
afTouchpoints <- c("note_confort", "note_repas", "note_divertissement", "note_equipage", "note_ponctualite", "note_enregistrement")
dummies <- function(column) {
  levels <- sort(unique(af[[column]]), method = "radix")
  m <- sapply(levels[-1], function(l) as.numeric(af[[column]] == l))
  colnames(m) <- paste0(column, levels[-1])
  m
}
C <- cbind(dummies("classe"), dummies("type_voyageur"))
controlNames <- colnames(C)
colnames(C) <- paste0("c", seq_len(ncol(C)))
frame <- data.frame(y = af$note_globale, C, af[, afTouchpoints])
stopifnot(!anyNA(frame))
ri <- calc.relimp(lm(y ~ ., data = frame), type = "lmg", always = colnames(C), rela = FALSE)
cfit <- summary(lm(y ~ ., data = frame))
coefNames <- c("(Intercept)", controlNames, afTouchpoints)
airFrance <- list(
  meta = list(r = R.version.string, relaimpo = as.character(packageVersion("relaimpo")), n = nrow(af),
              file = "test/corpus/heldout/air-france-satisfaction-head300.csv"),
  controls = c("classe", "type_voyageur"), controlTerms = controlNames,
  n = nrow(frame), rSquared = ri@R2, rSquaredAlways = ri@R2 - sum(ri@lmg), importance = as.list(ri@lmg),
  lm = lapply(seq_along(coefNames), function(k) list(name = coefNames[k], estimate = unname(cfit$coefficients[k, 1]),
    stdError = unname(cfit$coefficients[k, 2]), pValue = unname(cfit$coefficients[k, 4])))
)
writeLines(toJSON(airFrance, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/public-segments/air-france.json")
