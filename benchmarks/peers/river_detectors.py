"""The same streaming detectors as `antibody bench detectors`, in River, on the same series.

Timed in thread CPU time, like `antibody bench detectors`. Prints JSON:
[{"name": ..., "eventsPerSecond": ..., "what": ...}]. The series is the one the Swift command
generates (same 64-bit LCG, sum of four uniforms, a level shift halfway).
"""
import json
import math
import sys
import time

from river import drift, stats


def series(n):
    state = 0x5EED
    mask = (1 << 64) - 1
    out = []
    for i in range(n):
        s = 0.0
        for _ in range(4):
            state = (state * 6364136223846793005 + 1442695040888963407) & mask
            s += (state >> 11) / float(1 << 53)
        out.append(s - 2 + (0.5 if i >= n // 2 else 0.0))
    return out


def ewma_z(values):
    mean, var = stats.EWMean(fading_factor=0.01), stats.EWVar(fading_factor=0.01)
    sink = 0.0
    for x in values:
        m, v = mean.get(), var.get()
        d2 = (x - m) ** 2
        sink += 1 - v / d2 if d2 > v else 0.0
        mean.update(x)
        var.update(x)
    return sink


def page_hinkley(values):
    ph = drift.PageHinkley()
    alarms = 0
    for x in values:
        ph.update(x)
        alarms += ph.drift_detected
    return alarms


def kswin(values):
    ks = drift.KSWIN(window_size=512, stat_size=256, seed=7)
    alarms = 0
    for x in values:
        ks.update(x)
        alarms += ks.drift_detected
    return alarms


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    values = series(n)
    results = []
    for name, fn, what in [
        ("ewma-z", ewma_z, "stats.EWMean + stats.EWVar, z-score per event"),
        ("page-hinkley", page_hinkley, "drift.PageHinkley (defaults)"),
        ("ks", kswin, "drift.KSWIN(window_size=512, stat_size=256)"),
    ]:
        count = n if name != "ks" else max(1000, n // 20)  # KSWIN is slow: time a slice
        start = time.thread_time()
        fn(values[:count])
        elapsed = time.thread_time() - start
        results.append({"name": name, "eventsPerSecond": count / elapsed, "what": what})
    print(json.dumps(results))


if __name__ == "__main__":
    main()
