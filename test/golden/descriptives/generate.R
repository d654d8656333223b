# Golden descriptives for describeSurvey, computed with base R from the reference surveys.
# Run from the project root:  Rscript test/golden/descriptives/generate.R
# Writes test/golden/descriptives/descriptives.json (15 significant digits, jsonlite digits = NA).
# R is never needed by the tests themselves.
library(jsonlite)
dir <- "test/golden/reference"
out <- list()
for (f in sort(list.files(dir, pattern = "\\.json$"))) {
  ref <- fromJSON(file.path(dir, f), simplifyVector = FALSE)
  cols <- unlist(ref$columns)
  rated <- c(unlist(ref$model$x), ref$model$y)
  scale_max <- if (grepl("scale7", f)) 7 else if (grepl("collinear", f)) 10 else 5
  scale_min <- 1
  items <- list()
  for (col in rated) {
    j <- match(col, cols)
    v <- sapply(ref$data, function(row) if (is.null(row[[j]])) NA_real_ else as.numeric(row[[j]]))
    x <- v[!is.na(v)]
    n <- length(x)
    m <- mean(x); s <- sd(x); se <- s / sqrt(n); q <- qt(0.975, n - 1)
    counts <- sapply(scale_min:scale_max, function(k) sum(x == k))
    items[[length(items) + 1]] <- list(
      column = col, n = n, missing = sum(is.na(v)),
      mean = m, sampleStandardDeviation = s, standardError = se,
      ciLower = m - q * se, ciUpper = m + q * se, median = median(x),
      counts = lapply(seq_along(counts), function(i) list(value = (scale_min:scale_max)[i], count = counts[i])),
      topTwoBox = mean(x >= scale_max - 1), bottomTwoBox = mean(x <= scale_min + 1))
  }
  out[[sub("\\.json$", "", f)]] <- list(scale = list(min = scale_min, max = scale_max), items = items)
}
out$producer <- R.version.string
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/golden/descriptives/descriptives.json")
