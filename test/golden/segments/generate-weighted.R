# Goldens for compareSegments on a weighted and on a raked survey (issue 16): design-based tests
# of each region against the rest, as R's survey package gives them, and the weighted interaction
# regressions. Reads test/golden/segments/data.csv (written by generate.R).
# Run from the repository root: Rscript test/golden/segments/generate-weighted.R
# Writes test/golden/segments/weighted.json.
suppressMessages({ library(survey); library(jsonlite) })
d <- read.csv("test/golden/segments/data.csv", stringsAsFactors = FALSE)
items <- c("price", "delivery", "service", "overall")
touchpoints <- c("price", "delivery", "service")
regions <- c("East", "North", "South")

# Mean in the group and in the rest (svyby's weighted means), and the difference tested by
# svyttest(y ~ D), i.e. svyglm(y ~ D) with its linearisation standard error and a t reference on
# the residual degrees of freedom. Top-2-box: the same on the indicator y >= 4.
compare <- function(design) {
  lapply(regions, function(v) {
    design <- update(design, D = as.numeric(region == v))
    one <- function(formula) {
      t <- svyttest(formula, design)
      m <- svyglm(formula, design)
      list(difference = unname(coef(m)[2]), stdError = unname(SE(m)[2]), df = unname(t$parameter), pValue = unname(t$p.value),
           mean = unname(coef(m)[1] + coef(m)[2]), complement = unname(coef(m)[1]))
    }
    list(value = v, means = lapply(items, function(col) {
      a <- one(as.formula(paste0(col, " ~ D")))
      b <- one(as.formula(paste0("I(as.numeric(", col, " >= 4)) ~ D")))
      list(column = col, mean = a$mean, complement = a$complement, difference = a$difference, stdError = a$stdError,
           df = a$df, pValue = a$pValue, topTwoBox = b$mean, topTwoBoxComplement = b$complement,
           topTwoBoxStdError = b$stdError, topTwoBoxPValue = b$pValue)
    }))
  })
}

# Driver differences: lm(overall ~ X + D + X:D, weights = w) per region, BH over the nine tests.
drivers <- function(weights) {
  d$.weight <- weights  # a column, so that lm() does not find d$w first
  rows <- list()
  for (v in regions) {
    d$D <- as.numeric(d$region == v)
    fit <- lm(overall ~ price + delivery + service + D + price:D + delivery:D + service:D, data = d, weights = .weight)
    s <- summary(fit)$coefficients
    for (tp in touchpoints) {
      row <- s[paste0(tp, ":D"), ]
      rows[[length(rows) + 1]] <- list(value = v, touchpoint = tp, difference = unname(row[1]),
        stdError = unname(row[2]), pValue = unname(row[4]), n = nobs(fit))
    }
  }
  padj <- p.adjust(sapply(rows, function(x) x$pValue), method = "BH")
  for (i in seq_along(rows)) rows[[i]]$pAdjusted <- padj[i]
  rows
}

weighted <- svydesign(ids = ~1, weights = ~w, data = d)
total <- sum(d$w)
margins <- list(region = list(East = 0.4, North = 0.35, South = 0.25), gender = list(female = 0.5, male = 0.5))
pop.region <- data.frame(region = names(margins$region), Freq = unlist(margins$region) * total)
pop.gender <- data.frame(gender = names(margins$gender), Freq = unlist(margins$gender) * total)
raked <- rake(weighted, list(~region, ~gender), list(pop.region, pop.gender), control = list(maxit = 200, epsilon = 1e-13))

# Respondents without a region (rows 3, 17, 50, 51 and 99 blanked): left out of every comparison;
# svyglm drops them as missing in D, and they stay in the design for the variance.
blank <- c(3, 17, 50, 51, 99)
d.unassigned <- d
d.unassigned$region[blank] <- NA
unassigned <- list(rows = blank, means = compare(svydesign(ids = ~1, weights = ~w, data = d.unassigned)))

out <- list(
  meta = list(r = R.version.string, survey = as.character(packageVersion("survey")), n = nrow(d)),
  weighted = list(means = compare(weighted), drivers = drivers(d$w)),
  raked = list(margins = margins, means = compare(raked), drivers = drivers(weights(raked))),
  unassigned = unassigned
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/segments/weighted.json")
