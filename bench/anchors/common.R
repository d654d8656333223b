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

# Runs `work` warmup times untimed, then `runs` times timed (elapsed wall clock, and the CPU time
# of this process, user + system); returns the milliseconds of the timed runs and the value of
# the last one.
anchor_time <- function(work, runs, warmup) {
  for (i in seq_len(warmup)) work()
  value <- NULL
  cpu <- numeric(runs)
  ms <- vapply(seq_len(runs), function(i) {
    start <- proc.time()
    value <<- work()
    used <- proc.time() - start
    cpu[i] <<- (used[["user.self"]] + used[["sys.self"]]) * 1000
    used[["elapsed"]] * 1000
  }, numeric(1))
  list(ms = ms, cpu = cpu, value = value)
}

anchor_report <- function(timed, version, check) {
  checks <- paste(sprintf('"%s": %.15g', names(check), unlist(check)), collapse = ", ")
  cat(sprintf('{"medianMs": %.1f, "minMs": %.1f, "medianCpuMs": %.1f, "runs": %d, "version": "%s", "check": {%s}}\n',
              median(timed$ms), min(timed$ms), median(timed$cpu), length(timed$ms), version, checks))
}
