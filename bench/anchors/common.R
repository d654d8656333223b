# Shared by the R anchors of bench/run.mjs: argument parsing, timing and the one-line JSON answer.
# Every anchor prints exactly one JSON object on its last stdout line: either
#   {"medianMs": ..., "minMs": ..., "runs": ..., "version": "...", "check": {...}}
# or {"skipped": "why"} when something it needs is missing.

anchor_args <- function() {
  args <- commandArgs(trailingOnly = TRUE)
  list(csv = args[1], runs = as.integer(args[2]), warmup = as.integer(args[3]), extra = args[-(1:3)])
}

anchor_skip <- function(reason) {
  cat(sprintf('{"skipped": "%s"}\n', reason))
  quit(save = "no", status = 0)
}

# Reads the bench CSV (header t1..tk,overall; integers). Not timed.
anchor_read <- function(csv) read.csv(csv, colClasses = "integer")

# Runs `work` warmup times untimed, then `runs` times timed (elapsed wall clock); returns the
# milliseconds of the timed runs and the value of the last one.
anchor_time <- function(work, runs, warmup) {
  for (i in seq_len(warmup)) work()
  value <- NULL
  ms <- vapply(seq_len(runs), function(i) {
    start <- proc.time()[["elapsed"]]
    value <<- work()
    (proc.time()[["elapsed"]] - start) * 1000
  }, numeric(1))
  list(ms = ms, value = value)
}

anchor_report <- function(timed, version, check) {
  checks <- paste(sprintf('"%s": %.15g', names(check), unlist(check)), collapse = ", ")
  cat(sprintf('{"medianMs": %.1f, "minMs": %.1f, "runs": %d, "version": "%s", "check": {%s}}\n',
              median(timed$ms), min(timed$ms), length(timed$ms), version, checks))
}
