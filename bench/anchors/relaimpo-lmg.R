# Anchor: relaimpo's exact LMG, calc.relimp(type = "lmg"), on the bench CSV (all other columns
# predict `overall`), timed after the data are loaded.
# Usage: Rscript bench/anchors/relaimpo-lmg.R <csv> <runs> <warmup>
file_arg <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
source(file.path(dirname(file_arg), "common.R"))
if (!requireNamespace("relaimpo", quietly = TRUE)) anchor_skip("R package relaimpo is not installed")
suppressPackageStartupMessages(library(relaimpo))
a <- anchor_args()
data <- anchor_read(a$csv)
timed <- anchor_time(function() calc.relimp(overall ~ ., data = data, type = "lmg"), a$runs, a$warmup)
anchor_report(timed, paste("relaimpo", packageVersion("relaimpo"), "on", R.version.string),
              list(n = nrow(data), k = ncol(data) - 1, rSquared = timed$value@R2, lmgSum = sum(timed$value@lmg)))
