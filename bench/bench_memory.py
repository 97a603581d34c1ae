"""Resident memory of a process that has loaded the pipeline, against jieba alone.

    python bench/bench_memory.py

Each figure comes from a fresh interpreter (so one cannot inherit the other's pages) and is
the resident set (`/proc/self/statm`) once the loading is done, with its peak
(`ru_maxrss`). The target: the pipeline after `digests.segment.initialize()` ≤ 130 MB.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 130
_REPORT = (
    "import resource; "
    "rss = int(open('/proc/self/statm').read().split()[1]) * 4096 / 1e6; "
    "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; "
    "print(f'{rss:.0f} {peak:.0f}')"
)
CASES = {
    "jieba alone": "import jieba; t = jieba.Tokenizer(); t.initialize(); ",
    "pipeline after initialize()": (
        "import digests.pipeline; from digests import segment; segment.initialize(); "
    ),
    "pipeline after digesting the seeds": (
        "from digests import segment; from digests.pipeline import analyse_paths; "
        "segment.initialize(); analyse_paths(['seeds']); "
    ),
}


def measure(code: str) -> tuple[float, float]:
    """(resident MB, peak MB) of a fresh interpreter that ran `code`."""
    out = subprocess.run(
        [sys.executable, "-c", code + _REPORT],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> int:
    for name, code in CASES.items():
        rss, peak = measure(code)
        print(f"{name:<36} RSS {rss:6.0f} MB   peak {peak:6.0f} MB")
    rss, _ = measure(CASES["pipeline after initialize()"])
    verdict = "ok" if rss <= TARGET_MB else "ABOVE TARGET"
    print(f"target: pipeline after initialize() ≤ {TARGET_MB} MB: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
