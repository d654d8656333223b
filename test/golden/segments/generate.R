# Goldens for segments and weights (issue 16): survey::svymean (weighted and raked designs),
# survey::rake, Welch t.test, prop.test, interaction lm, p.adjust(method = "BH").
# Run from the repository root: Rscript test/golden/segments/generate.R
# Writes test/golden/segments/data.csv and test/golden/segments/golden.json.
suppressMessages({ library(survey); library(jsonlite) })
set.seed(20261201)
n <- 240
region <- sample(c("East", "North", "South"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
gender <- sample(c("female", "male"), n, replace = TRUE, prob = c(0.35, 0.65))
latent <- rnorm(n)
rate <- function(shift) pmin(5, pmax(1, round(3.2 + shift + latent * 0.9 + rnorm(n, 0, 0.8))))
price <- rate(ifelse(region == "South", -0.6, 0))
delivery <- rate(0.3)
service <- rate(ifelse(gender == "male", 0.4, 0))
overall <- pmin(5, pmax(1, round(0.5 + 0.25 * price + 0.35 * delivery + 0.3 * service +
  ifelse(region == "North", 0.35 * delivery - 0.8, 0) + rnorm(n, 0, 0.5))))
delivery[sample(n, 12)] <- NA
service[sample(n, 7)] <- NA
w <- round(runif(n, 0.5, 2.5), 3)
age <- round(runif(n, 18, 75))
d <- data.frame(id = sprintf("r%03d", 1:n), region, gender, age, price, delivery, service, overall, w)
write.csv(d, "test/golden/segments/data.csv", row.names = FALSE, na = "")

items <- c("price", "delivery", "service", "overall")
describe <- function(design) {
  lapply(setNames(items, items), function(col) {
    f <- as.formula(paste0("~", col))
    m <- svymean(f, design, na.rm = TRUE)
    top <- svymean(as.formula(paste0("~I(as.numeric(", col, " >= 4))")), design, na.rm = TRUE)
    bottom <- svymean(as.formula(paste0("~I(as.numeric(", col, " <= 2))")), design, na.rm = TRUE)
    med <- svyquantile(f, design, 0.5, qrule = "math", na.rm = TRUE)
    # Weighted SD, n/(n-1) scaled (equals sd() when all weights are equal); svyvar is not used
    # because its n-scaling differs.
    y <- design$variables[[col]]; wt <- weights(design); ok <- !is.na(y) & wt > 0
    v <- sum(wt[ok] * (y[ok] - coef(m))^2) / sum(wt[ok]) * sum(ok) / (sum(ok) - 1)
    list(mean = unname(coef(m)), standardError = as.numeric(SE(m)), median = as.numeric(coef(med)),
         sampleStandardDeviation = sqrt(unname(v)),
         topTwoBox = unname(coef(top)), topTwoBoxStdError = as.numeric(SE(top)),
         bottomTwoBox = unname(coef(bottom)), bottomTwoBoxStdError = as.numeric(SE(bottom)))
  })
}
weighted <- svydesign(ids = ~1, weights = ~w, data = d)
unweighted <- svydesign(ids = ~1, weights = ~rep(1, n), data = d)

# Raking to population shares; totals = shares * sum of the starting weights. A tight epsilon so
# the weights converge (R's default epsilon = 1 stops once the margins move by less than one unit).
total <- sum(d$w)
pop.region <- data.frame(region = c("East", "North", "South"), Freq = c(0.4, 0.35, 0.25) * total)
pop.gender <- data.frame(gender = c("female", "male"), Freq = c(0.5, 0.5) * total)
raked <- rake(weighted, list(~region, ~gender), list(pop.region, pop.gender),
              control = list(maxit = 200, epsilon = 1e-13))

welch <- lapply(c("East", "North", "South"), function(v) {
  inside <- d$region == v
  list(value = v, means = lapply(items, function(col) {
    x <- d[[col]][inside]; y <- d[[col]][!inside]
    t <- t.test(x, y, var.equal = FALSE)
    tx <- x[!is.na(x)] >= 4; ty <- y[!is.na(y)] >= 4
    p <- suppressWarnings(prop.test(c(sum(tx), sum(ty)), c(length(tx), length(ty)), correct = FALSE))
    list(column = col, mean = mean(x, na.rm = TRUE), complement = mean(y, na.rm = TRUE),
         tValue = unname(t$statistic), df = unname(t$parameter), pValue = t$p.value,
         topTwoBox = mean(tx), topTwoBoxComplement = mean(ty), topTwoBoxPValue = p$p.value)
  }))
})

drivers <- list()
for (v in c("East", "North", "South")) {
  d$D <- as.numeric(d$region == v)
  fit <- lm(overall ~ price + delivery + service + D + price:D + delivery:D + service:D, data = d)
  s <- summary(fit)$coefficients
  for (tp in c("price", "delivery", "service")) {
    row <- s[paste0(tp, ":D"), ]
    drivers[[length(drivers) + 1]] <- list(value = v, touchpoint = tp, difference = unname(row[1]),
      stdError = unname(row[2]), tValue = unname(row[3]), pValue = unname(row[4]), n = nobs(fit))
  }
}
p <- sapply(drivers, function(x) x$pValue)
padj <- p.adjust(p, method = "BH")
for (i in seq_along(drivers)) drivers[[i]]$pAdjusted <- padj[i]

# Adjustment covariates kept in every model (relaimpo's always): age (numeric) and gender
# (dummy-coded, female the reference), on the complete cases.
suppressMessages(library(relaimpo))
cc <- na.omit(d[, c("age", "gender", "price", "delivery", "service", "overall")])
cc$gendermale <- as.numeric(cc$gender == "male")
ri <- calc.relimp(lm(overall ~ age + gendermale + price + delivery + service, data = cc), type = "lmg",
                  always = c("age", "gendermale"), rela = FALSE)
controls <- list(n = nrow(cc), rSquared = ri@R2, rSquaredAlways = ri@R2 - sum(ri@lmg),
                 importance = as.list(ri@lmg), relaimpo = as.character(packageVersion("relaimpo")))
# The key-driver regression with the controls (gender dummy-coded by R's treatment contrasts).
cfit <- summary(lm(overall ~ price + delivery + service + age + gender, data = cc))
controls$lm <- list(rSquared = cfit$r.squared, adjustedRSquared = cfit$adj.r.squared,
  coefficients = lapply(rownames(cfit$coefficients), function(nm) list(name = nm,
    estimate = unname(cfit$coefficients[nm, 1]), stdError = unname(cfit$coefficients[nm, 2]),
    tValue = unname(cfit$coefficients[nm, 3]), pValue = unname(cfit$coefficients[nm, 4]))))

# Binary outcome (overall >= 4 counts as positive): logistic interactions per region, as
# glm(binomial), unweighted and with the survey weights w as prior weights (non-integer weights
# only change glm's AIC, not the estimates or standard errors used here).
d$top <- as.numeric(d$overall >= 4)
binaryDrivers <- function(weighted) {
  rows <- list()
  for (v in c("East", "North", "South")) {
    d$D <- as.numeric(d$region == v)
    f <- top ~ price + delivery + service + D + price:D + delivery:D + service:D
    wt <- if (weighted) d$w else NULL
    fit <- suppressWarnings(glm(f, family = binomial, data = d, weights = wt, control = glm.control(epsilon = 1e-14, maxit = 100)))
    # glm's standard errors come from the working weights of its last iteration, evaluated at the
    # previous estimates; refitting from the converged estimates evaluates them at the solution.
    fit <- suppressWarnings(glm(f, family = binomial, data = d, weights = wt, start = coef(fit), control = glm.control(epsilon = 1e-14, maxit = 100)))
    stopifnot(fit$converged)
    s <- summary(fit)$coefficients
    for (tp in c("price", "delivery", "service")) {
      row <- s[paste0(tp, ":D"), ]
      rows[[length(rows) + 1]] <- list(value = v, touchpoint = tp, difference = unname(row[1]),
        stdError = unname(row[2]), zValue = unname(row[3]), pValue = unname(row[4]), n = nobs(fit))
    }
  }
  padj <- p.adjust(sapply(rows, function(x) x$pValue), method = "BH")
  for (i in seq_along(rows)) rows[[i]]$pAdjusted <- padj[i]
  rows
}
binary <- list(positive = "overall >= 4", drivers = binaryDrivers(FALSE), weightedDrivers = binaryDrivers(TRUE))

out <- list(
  binary = binary,
  controls = controls,
  meta = list(r = R.version.string, survey = as.character(packageVersion("survey")), n = n),
  weighted = describe(weighted),
  unweighted = describe(unweighted),
  raking = list(margins = list(region = list(East = 0.4, North = 0.35, South = 0.25), gender = list(female = 0.5, male = 0.5)),
                weights = unname(weights(raked)), describe = describe(raked)),
  welch = welch,
  drivers = drivers
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/segments/golden.json")
