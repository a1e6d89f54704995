#!/usr/bin/env python3
"""Quality script and CI gate.

Runs broadsheet on the shared benchmarks (``../shared/bench`` by default, or ``--bench DIR``)
and prints a score table per suite. With ``--gate`` it exits non-zero when any metric is below
its pinned floor in ``bench/floors.json``. Floors are raised as quality improves, never lowered
silently: a lower floor needs a commit that says why.

Each suite is a module ``bench/quality_<name>.py`` with a function
``run(bench_dir: pathlib.Path, verbose: bool) -> dict[str, float]`` returning named metrics
(for example ``textdump.chromium.f1``). A suite whose benchmark folder is missing is skipped
with a note (and fails the gate, since its floors cannot be checked).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUITES = ["textdump", "renderers", "tweets", "meta", "html"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=HERE.parent.parent / "shared" / "bench", help="folder of the shared benchmarks")
    ap.add_argument("--suite", action="append", choices=SUITES, help="run only these suites (repeatable)")
    ap.add_argument("--gate", action="store_true", help="fail when a metric is below its floor in bench/floors.json")
    ap.add_argument("--json", type=Path, help="also write all metrics to this JSON file")
    ap.add_argument("-v", "--verbose", action="store_true", help="per-document details")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(HERE))
    floors = json.loads((HERE / "floors.json").read_text())
    metrics: dict = {}
    missing = []
    for name in args.suite or SUITES:
        try:
            mod = importlib.import_module(f"quality_{name}")
        except ModuleNotFoundError:
            continue
        t0 = time.monotonic()
        try:
            got = mod.run(args.bench, args.verbose)
        except FileNotFoundError as e:
            print(f"[{name}] skipped: {e}")
            missing.append(name)
            continue
        print(f"[{name}] {time.monotonic() - t0:.1f} s")
        metrics.update(got)

    if args.json:
        args.json.write_text(json.dumps(metrics, indent=1, sort_keys=True))

    print()
    print(f"{'metric':<44} {'value':>8} {'floor':>8}")
    failed = []
    for key in sorted(metrics):
        floor = floors.get(key)
        mark = ""
        if floor is not None and metrics[key] < floor - 1e-9:
            failed.append(key)
            mark = "  BELOW FLOOR"
        print(f"{key:<44} {metrics[key]:>8.3f} {'' if floor is None else f'{floor:.3f}':>8}{mark}")
    unchecked = [k for k in floors if k not in metrics and not k.startswith("_") and (args.suite is None or k.split(".")[0] in args.suite)]
    if args.gate:
        if failed or unchecked:
            for k in unchecked:
                print(f"floor {k} could not be checked (metric missing)")
            print(f"quality gate: FAILED ({len(failed)} below floor, {len(unchecked)} unchecked)")
            return 1
        print(f"quality gate: passed ({len([k for k in metrics if k in floors])} metrics at or above their floors)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
