"""Shared by the Python anchors of bench/run.mjs: argument parsing, timing and the JSON answer.

Every anchor prints exactly one JSON object on its last stdout line: either
{"medianMs": ..., "minMs": ..., "runs": ..., "version": "...", "check": {...}}
or {"skipped": "why"} when something it needs is missing.
"""
import json
import statistics
import sys
import time

# CPU milliseconds (this process, all threads) of the timed runs of the last timed() call.
_cpu_ms = []


def args():
    csv, runs, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    return csv, runs, warmup


def skip(reason):
    print(json.dumps({"skipped": reason}))
    sys.exit(0)


def timed(work, runs, warmup):
    """Runs work() warmup times untimed, then runs times timed; returns (milliseconds, last value)."""
    for _ in range(warmup):
        work()
    ms, value = [], None
    _cpu_ms.clear()
    for _ in range(runs):
        start = time.perf_counter()
        cpu = time.process_time()
        value = work()
        ms.append((time.perf_counter() - start) * 1000)
        _cpu_ms.append((time.process_time() - cpu) * 1000)
    return ms, value


def report(ms, version, check):
    print(json.dumps({
        "medianMs": round(statistics.median(ms), 1),
        "minMs": round(min(ms), 1),
        "runs": len(ms),
        **({"medianCpuMs": round(statistics.median(_cpu_ms), 1)} if _cpu_ms else {}),
        "version": version,
        "check": check,
    }))
