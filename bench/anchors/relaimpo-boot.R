# Anchor: relaimpo's bootstrap of LMG, boot.relimp(type = "lmg", rank = TRUE, diff = FALSE) with
# <replicates> resamples, then 95% percentile intervals by booteval.relimp(bty = "perc"); timed
# after the data are loaded. (rank = TRUE, diff = FALSE matches what bootstrapImportance computes:
# intervals for each importance and for its rank, none for pairwise differences.)
# Usage: Rscript bench/anchors/relaimpo-boot.R <csv> <runs> <warmup> <replicates>
file_arg <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
source(file.path(dirname(file_arg), "common.R"))
if (!requireNamespace("relaimpo", quietly = TRUE)) anchor_skip("R package relaimpo is not installed")
suppressPackageStartupMessages(library(relaimpo))
a <- anchor_args()
replicates <- as.integer(a$extra[1])
data <- anchor_read(a$csv)
set.seed(1)
work <- function() {
  resamples <- boot.relimp(overall ~ ., data = data, b = replicates, type = "lmg", rank = TRUE, diff = FALSE)
  booteval.relimp(resamples, bty = "perc", level = 0.95)
}
timed <- anchor_time(work, a$runs, a$warmup)
anchor_report(timed, paste("relaimpo", packageVersion("relaimpo"), "on", R.version.string),
              list(n = nrow(data), k = ncol(data) - 1, replicates = replicates, rSquared = timed$value@R2))
