# Regenerates R's answers in every reference survey from the data the file holds (columns, data,
# weights, model): lm (summary.lm, confint, logLik/AIC/BIC), sandwich::vcovHC HC0-HC3 standard
# errors and t-test p-values, relaimpo::calc.relimp (lmg, pratt, first, last, betasq;
# rela = FALSE) and ordinal::clm (logit link, default control). As in the original set, the
# sandwich, relaimpo and clm answers are left out for a survey with an aliased term, and relaimpo
# and clm for a weighted one. The data themselves are synthetic and kept as they are.
# Needs: jsonlite, sandwich, relaimpo (not packaged for Debian: R CMD INSTALL from
# github.com/cran/relaimpo), ordinal.
# Run from the project root: Rscript test/golden/reference/generate.R [output-dir]
# (default: rewrite test/golden/reference/ in place).
source("test/golden/common.R")
suppressMessages({ library(sandwich); library(relaimpo); library(ordinal) })
args <- commandArgs(trailingOnly = TRUE)
out_dir <- if (length(args) > 0) args[1] else "test/golden/reference"
producer <- sprintf("R %s.%s; stats::lm/summary.lm/confint; sandwich %s vcovHC; relaimpo %s calc.relimp; ordinal %s clm",
                    R.version$major, R.version$minor, packageVersion("sandwich"), packageVersion("relaimpo"), packageVersion("ordinal"))
named <- function(v) as.list(v)

for (file in sort(list.files("test/golden/reference", pattern = "^survey-.*\\.json$"))) {
  name <- sub("\\.json$", "", file)
  r <- read_reference(name)
  d <- as.data.frame(r$m[complete.cases(r$m[, c(r$x, r$y)]), c(r$x, r$y), drop = FALSE])
  w <- if (is.null(r$weights)) NULL else r$weights[complete.cases(r$m[, c(r$x, r$y)])]
  f <- reformulate(r$x, r$y)
  fit <- if (is.null(w)) lm(f, data = d) else lm(f, data = d, weights = w)
  s <- summary(fit)
  cf <- coef(s)
  ci <- confint(fit)
  aliased <- any(is.na(coef(fit)))
  coefficients <- lapply(names(coef(fit)), function(term) {
    if (is.na(coef(fit)[[term]])) return(list(name = term, aliased = TRUE))
    list(name = term, estimate = cf[term, 1], stdError = cf[term, 2], tValue = cf[term, 3], pValue = cf[term, 4],
         ciLower = ci[term, 1], ciUpper = ci[term, 2])
  })
  out <- list(name = name, note = r$ref$note, producer = producer, columns = r$ref$columns, data = r$ref$data,
              weights = r$ref$weights, model = r$ref$model,
              lm = list(n = nrow(d), coefficients = coefficients, rSquared = s$r.squared, adjustedRSquared = s$adj.r.squared,
                        fStatistic = s$fstatistic[[1]], fPValue = pf(s$fstatistic[[1]], s$fstatistic[[2]], s$fstatistic[[3]], lower.tail = FALSE),
                        dfModel = s$fstatistic[[2]], dfResidual = s$fstatistic[[3]], residualStdError = s$sigma,
                        logLik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit)))
  if (!aliased) {
    for (type in c("HC0", "HC1", "HC2", "HC3")) {
      se <- sqrt(diag(vcovHC(fit, type = type)))
      out[[type]] <- list(stdError = named(se), pValue = named(2 * pt(abs(coef(fit) / se), fit$df.residual, lower.tail = FALSE)))
    }
    if (is.null(w)) {
      ri <- calc.relimp(fit, type = c("lmg", "pratt", "first", "last", "betasq"), rela = FALSE)
      out$relimp <- list(R2 = ri@R2, lmg = named(ri@lmg), pratt = named(ri@pratt), first = named(ri@first), last = named(ri@last), betasq = named(ri@betasq))
      d$y_ordered <- factor(d[[r$y]], ordered = TRUE)
      cl <- clm(reformulate(r$x, "y_ordered"), data = d, link = "logit")
      se <- sqrt(diag(vcov(cl)))
      out$clm <- list(link = "logit", parametrization = "logit(P(Y<=j)) = theta_j - x*beta",
                      thresholds = named(cl$alpha), thresholdStdErrors = named(se[names(cl$alpha)]),
                      beta = named(cl$beta), betaStdErrors = named(se[names(cl$beta)]), logLik = as.numeric(logLik(cl)))
    }
  }
  writeLines(toJSON(out, auto_unbox = TRUE, digits = I(17), null = "null", na = "null"), file.path(out_dir, file))
}
