#!/usr/bin/env python3
"""Speed and memory of the text-dump path, end to end into Parquet.

Converts every text dump of the shared benchmark (all renderers, plus the seeds) into Parquet,
with one extraction worker (``jobs=1``; reading and Parquet writing have threads of their own)
and on all cores, each run in a fresh process, and prints MB/s (of input),
documents/s and the peak resident memory of that process. ``--scale 1 8`` also runs on a corpus
made of 8 copies of the dumps (symlinks), to show that peak memory does not grow with the corpus.

Use a release build (``pip install .``, as ``make bench`` does); a dev build is 10-30x slower.

    python bench/speed.py [--bench ../shared/bench] [--scale 1 8] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, resource, sys, time
import broadsheet
inputs, out, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
s = broadsheet.convert(inputs, out, jobs=jobs, progress=False)
s["seconds"] = time.perf_counter() - t
s["peak_rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
s["rss_before_kib"] = base
print(json.dumps(s))
"""


def corpus(bench: Path, scale: int, tmp: Path) -> Path:
    files = sorted((bench / "textdump" / "scrapinghub").glob("*.txt")) + sorted((bench / "textdump" / "seeds").glob("*.txt"))
    if not files:
        raise SystemExit(f"no dumps under {bench / 'textdump'}")
    root = tmp / f"scale{scale}"
    for k in range(scale):
        d = root / f"copy{k:03}"
        d.mkdir(parents=True)
        for f in files:
            (d / f.name).symlink_to(f.resolve())
    return root


def run(inputs: Path, out: Path, jobs: int) -> dict:
    p = subprocess.run([sys.executable, "-c", CHILD, str(inputs), str(out), str(jobs)], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(p.stderr)
    return json.loads(p.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=HERE.parent.parent / "shared" / "bench")
    ap.add_argument("--scale", type=int, nargs="+", default=[1, 8])
    ap.add_argument("--repeat", type=int, default=3, help="runs per setting; the fastest is kept")
    args = ap.parse_args()
    import broadsheet

    cores = os.cpu_count() or 1
    print(f"broadsheet {broadsheet.__version__}, {cores} cores, best of {args.repeat} runs per row")
    print(f"{'corpus':>10} {'jobs':>5} {'docs':>7} {'MB':>8} {'s':>7} {'MB/s':>8} {'MB/s/core':>10} {'docs/s':>8} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for scale in args.scale:
            inputs = corpus(args.bench, scale, tmp)
            for jobs in sorted({1, cores}):
                best = None
                for _ in range(args.repeat):
                    r = run(inputs, tmp / "out.parquet", jobs)
                    if best is None or r["seconds"] < best["seconds"]:
                        best = r
                mb = best["bytes_read"] / 1e6
                rate = mb / best["seconds"]
                print(
                    f"{'x' + str(scale):>10} {jobs:>5} {best['documents']:>7} {mb:>8.1f} {best['seconds']:>7.2f} "
                    f"{rate:>8.1f} {rate / jobs:>10.1f} {best['documents'] / best['seconds']:>8.0f} {best['peak_rss_kib'] / 1024:>12.0f}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
