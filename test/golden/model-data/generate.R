# Golden values for modelData (src/survey/model-data.ts): complete cases and the dummy-variable
# adjustment (Cohen & Cohen 1983, 7.4) on a journey survey where two touchpoints do not apply to
# every respondent (code 0), one has a few unanswered cells (empty) and a few outcomes are
# missing. R writes the survey (journey.csv), then fits with lm():
#   complete cases:   overall ~ wifi + food + seat + staff on rows with every value present;
#   dummy adjustment: overall ~ wifi_f + food_f + seat_f + staff_f + wifi_na + food_na + seat_na,
#     where x_f is x with its unanswered cells set to x's mean over the rows used (outcome present,
#     and weight > 0 when weighted) and x_na is 1 where x was unanswered;
# both unweighted and weighted by the survey's weights (rows with weight 0 left out, as lm does
# with zero weights in the fit). Also the LMG (Shapley value of R-squared) with each touchpoint
# and its indicator as one player, from lm R-squared of all 2^4 subsets of players (unweighted).
# Run from the project root: Rscript test/golden/model-data/generate.R
library(jsonlite)
set.seed(20240615)
n <- 300
latent <- rnorm(n)
rate <- function(shift, noise) pmin(5, pmax(1, round(3 + shift + latent + rnorm(n, sd = noise))))
wifi <- rate(-0.3, 1.0); food <- rate(0.2, 0.9); seat <- rate(0, 1.1); staff <- rate(0.4, 0.8)
overall <- pmin(5, pmax(1, round(3 + 0.9 * latent + rnorm(n, sd = 0.7))))
weight <- round(runif(n, 0.4, 2.2), 3)
weight[c(17, 230)] <- 0
# Codes as they appear in the file: "0" = did not experience it, "" = no answer.
wifi_code <- as.character(wifi); wifi_code[runif(n) < 0.22] <- "0"
food_code <- as.character(food); food_code[runif(n) < 0.10] <- "0"
seat_code <- as.character(seat); seat_code[sample(n, 9)] <- ""
staff_code <- as.character(staff)
overall_code <- as.character(overall); overall_code[sample(n, 6)] <- ""
csv <- data.frame(id = sprintf("r%03d", seq_len(n)), wifi = wifi_code, food = food_code, seat = seat_code, staff = staff_code, overall = overall_code, weight = sprintf("%.3f", weight))
write.csv(csv, "test/golden/model-data/journey.csv", row.names = FALSE, quote = FALSE, na = "")

num <- function(code) ifelse(code %in% c("0", ""), NA_real_, as.numeric(code))
na_flag <- function(code) as.numeric(code == "0")
d <- data.frame(wifi = num(wifi_code), food = num(food_code), seat = num(seat_code), staff = num(staff_code), overall = num(overall_code), w = weight)
tps <- c("wifi", "food", "seat", "staff")

coefs <- function(fit) {
  cf <- coef(summary(fit))
  lapply(seq_len(nrow(cf)), function(i) list(name = rownames(cf)[i], estimate = cf[i, 1], stdError = cf[i, 2], tValue = cf[i, 3], pValue = cf[i, 4]))
}
fit_summary <- function(fit) {
  s <- summary(fit)
  list(n = nobs(fit), coefficients = coefs(fit), rSquared = s$r.squared, adjustedRSquared = s$adj.r.squared, residualStdError = s$sigma, dfResidual = fit$df.residual)
}

complete_case <- function(weighted) {
  ok <- complete.cases(d[, c(tps, "overall")])
  reasons <- list(
    missing = sum(is.na(d$overall) | is.na(d$seat)),
    notApplicable = sum(!is.na(d$overall) & !is.na(d$seat) & (is.na(d$wifi) | is.na(d$food))),
    zeroWeight = if (weighted) sum(ok & d$w == 0) else 0)
  used <- ok & (!weighted | d$w > 0)
  fit <- if (weighted) lm(overall ~ wifi + food + seat + staff, data = d[used, ], weights = w) else lm(overall ~ wifi + food + seat + staff, data = d[used, ])
  c(list(rowsDropped = reasons), fit_summary(fit))
}

dummy_design <- function(used) {
  x <- data.frame(overall = d$overall[used])
  fills <- list(); indicators <- c()
  for (tp in tps) {
    v <- d[[tp]][used]
    if (any(is.na(v))) {
      m <- mean(v, na.rm = TRUE)
      fills[[tp]] <- list(fill = m, missing = sum(is.na(v) & !(get(paste0(tp, "_code"))[used] == "0")), notApplicable = sum(get(paste0(tp, "_code"))[used] == "0"))
      x[[paste0(tp, "_na")]] <- as.numeric(is.na(v))
      v[is.na(v)] <- m
      indicators <- c(indicators, tp)
    }
    x[[paste0(tp, "_f")]] <- v
  }
  x$w <- d$w[used]
  list(x = x, fills = fills, indicators = indicators)
}
dummy_adjustment <- function(weighted) {
  used <- !is.na(d$overall) & (!weighted | d$w > 0)
  des <- dummy_design(used)
  f <- as.formula(paste("overall ~", paste(c(paste0(tps, "_f"), paste0(des$indicators, "_na")), collapse = " + ")))
  fit <- if (weighted) lm(f, data = des$x, weights = w) else lm(f, data = des$x)
  c(list(rowsDropped = list(missing = sum(is.na(d$overall)), zeroWeight = if (weighted) sum(!is.na(d$overall) & d$w == 0) else 0), fills = des$fills), fit_summary(fit))
}

# LMG with groups: Shapley value over players (touchpoint + its indicator) of lm R-squared.
lmg_groups <- function() {
  used <- !is.na(d$overall)
  des <- dummy_design(used)
  players <- lapply(tps, function(tp) c(paste0(tp, "_f"), if (tp %in% des$indicators) paste0(tp, "_na")))
  names(players) <- tps
  k <- length(players)
  r2 <- function(set) {
    if (length(set) == 0) return(0)
    summary(lm(as.formula(paste("overall ~", paste(unlist(players[set]), collapse = " + "))), data = des$x))$r.squared
  }
  subsets <- unlist(lapply(0:k, function(s) combn(k, s, simplify = FALSE)), recursive = FALSE)
  values <- sapply(seq_len(k), function(j) {
    total <- 0
    for (S in subsets) {
      if (j %in% S) next
      s <- length(S)
      total <- total + factorial(s) * factorial(k - s - 1) / factorial(k) * (r2(c(S, j)) - r2(S))
    }
    total
  })
  list(importance = as.list(setNames(values, tps)), rSquared = r2(seq_len(k)))
}

out <- list(
  producer = R.version.string,
  n = n,
  completeCases = complete_case(FALSE),
  completeCasesWeighted = complete_case(TRUE),
  dummyAdjustment = dummy_adjustment(FALSE),
  dummyAdjustmentWeighted = dummy_adjustment(TRUE),
  lmgGroups = lmg_groups())
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), "test/golden/model-data/model-data.json")
