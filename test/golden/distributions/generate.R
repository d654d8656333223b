# Golden values for the distributions module: R's pt/pf/pchisq/pnorm (both tails) and quantiles.
# Run from the project root: Rscript test/golden/distributions/generate.R
library(jsonlite)
grid <- function(...) expand.grid(..., KEEP.OUT.ATTRS = FALSE, stringsAsFactors = FALSE)
t <- grid(x = c(-40, -3.5, -1, -1e-8, 0, 1e-8, 0.3, 1, 2.5, 5, 12, 40, 300, 1e10), df = c(1, 2, 3.5, 10, 47, 1000, 1e6))
t$upper <- pt(t$x, t$df, lower.tail = FALSE); t$lower <- pt(t$x, t$df)
f <- grid(x = c(1e-10, 0.01, 0.5, 1, 2.7, 4, 20, 150, 1e4, 1e8), df1 = c(1, 3, 7, 12), df2 = c(2, 20, 39, 4900))
f$upper <- pf(f$x, f$df1, f$df2, lower.tail = FALSE); f$lower <- pf(f$x, f$df1, f$df2)
chi <- grid(x = c(1e-12, 0.1, 1, 3.84, 10, 50, 200, 1200), df = c(1, 2, 5, 30, 100))
chi$upper <- pchisq(chi$x, chi$df, lower.tail = FALSE); chi$lower <- pchisq(chi$x, chi$df)
z <- data.frame(x = c(-38, -10, -3, -1.5, 0, 0.5, 1.96, 5, 10, 20, 37))
z$upper <- pnorm(z$x, lower.tail = FALSE); z$lower <- pnorm(z$x)
q <- grid(p = c(1e-10, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999), df = c(1, 2, 5, 30, 500))
q$t <- qt(q$p, q$df); q$chisq <- qchisq(q$p, q$df); q$f <- qf(q$p, q$df, 17); q$normal <- qnorm(q$p)
# Deep upper tails: p-values down to about 1e-300.
deep <- data.frame(t = c(30, 50, 1e6, 3e6, 1e5, 25), df = c(500, 1000, 47, 47, 60, 2000))
deep$p <- pt(deep$t, deep$df, lower.tail = FALSE)
deepf <- data.frame(x = c(1e14, 1e15, 1e9, 300, 60), df1 = c(7, 7, 3, 7, 12), df2 = c(40, 40, 68, 4900, 4900))
deepf$p <- pf(deepf$x, deepf$df1, deepf$df2, lower.tail = FALSE)
deepchi <- data.frame(x = c(1300, 1370, 600), df = c(5, 3, 40))
deepchi$p <- pchisq(deepchi$x, deepchi$df, lower.tail = FALSE)
writeLines(toJSON(list(producer = R.version.string, t = t, f = f, chisq = chi, normal = z, quantiles = q, deepT = deep, deepF = deepf, deepChisq = deepchi),
                  digits = NA, pretty = FALSE), "test/golden/distributions/distributions.json")
