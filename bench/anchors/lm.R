# Anchor: R's lm + summary (full inference) on the bench CSV, timed after the data are loaded.
# Usage: Rscript bench/anchors/lm.R <csv> <runs> <warmup>
file_arg <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
source(file.path(dirname(file_arg), "common.R"))
a <- anchor_args()
data <- anchor_read(a$csv)
timed <- anchor_time(function() summary(lm(overall ~ ., data = data)), a$runs, a$warmup)
anchor_report(timed, R.version.string, list(n = nrow(data), k = ncol(data) - 1, rSquared = timed$value$r.squared,
                               residualStdError = timed$value$sigma))
