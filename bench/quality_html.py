#!/usr/bin/env python3
"""HTML suite of the quality driver: main-content extraction on the Scrapinghub article
extraction benchmark (181 pages with gold bodies, MIT), scored with the shared shingle scorer
(``textdump/score.py``) next to the outputs of the benchmark's other tools.

    python3 bench/quality_html.py --bench /work/shared/bench [-v] [--csv per_doc.csv]

As a suite (``bench/quality.py --suite html``) it returns ``html.scrapinghub.f1``,
``.precision``, ``.recall``, ``.accuracy`` and ``html.scrapinghub.errors`` (rows with an error,
as a negative number so that the floor 0.0 pins "no error"). The embedded tweets (a column of
their own in broadsheet's table) are put back into the body after their paragraph, as the gold
counts them and as the text-dump suite does.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

SUITE = Path("html") / "scrapinghub"


def _scorer(bench_dir: Path):
    path = bench_dir / "textdump" / "score.py"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found")
    spec = importlib.util.spec_from_file_location("bench_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def page_id(source: str) -> str:
    name = Path(source).name
    for suffix in (".gz", ".html", ".htm"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def broadsheet_bodies(pages: Path, favor: str = "balanced") -> tuple[dict, list]:
    import broadsheet

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from quality_textdump import scoring_body

    table = broadsheet.read(str(pages), favor=favor, progress=False)
    bodies, errors = {}, []
    for row in table.select(["source", "paragraphs", "tweets", "error"]).to_pylist():
        pid = page_id(row["source"])
        # the gold counts embedded tweets as body text: they are put back after their
        # paragraph, as in the text-dump suite
        bodies[pid] = scoring_body(row)
        if row["error"]:
            errors.append((pid, row["error"]))
    return bodies, errors


def run(bench_dir: Path, verbose: bool = False, csv_path: str | None = None) -> dict:
    root = Path(bench_dir) / SUITE
    gold_path = root / "ground-truth.json"
    if not gold_path.is_file():
        raise FileNotFoundError(f"{gold_path} not found")
    score = _scorer(Path(bench_dir))
    gold = score.load_gold(str(gold_path))
    bodies, errors = broadsheet_bodies(root / "html")
    for pid, err in errors:
        print(f"  error row {pid}: {err}")

    table = {}
    rows = score.score_run(gold, bodies, run="broadsheet")["shingle"]
    table["broadsheet"] = score.shingle_summary(rows)
    for out in sorted((root / "output").glob("*.json")):
        for run_name, preds in score.load_predictions(str(out), set(gold)).items():
            r = score.score_run(gold, preds, run=run_name)["shingle"]
            table[out.stem] = score.shingle_summary(r)

    print(f"{'tool':<18} {'F1':>6} {'prec':>6} {'recall':>6} {'acc':>6}")
    for name, s in sorted(table.items(), key=lambda kv: -kv[1]["f1"]):
        mark = "  <-" if name == "broadsheet" else ""
        print(f"{name:<18} {s['f1']:>6.3f} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['accuracy']:>6.3f}{mark}")

    if verbose or csv_path:
        per = []
        for r in rows:
            p = score.doc_precision(r["tp"], r["fp"], r["fn"])
            rc = score.doc_recall(r["tp"], r["fp"], r["fn"])
            per.append((2 * p * rc / (p + rc) if p + rc else 0.0, p, rc, r["id"]))
        per.sort()
        if verbose:
            print("worst pages (f1 precision recall id):")
            for f, p, rc, pid in per[:25]:
                print(f"  {f:.3f} {p:.3f} {rc:.3f} {pid}")
        if csv_path:
            with open(csv_path, "w") as f:
                f.write("id,f1,precision,recall\n")
                for fv, p, rc, pid in per:
                    f.write(f"{pid},{fv:.4f},{p:.4f},{rc:.4f}\n")

    s = table["broadsheet"]
    return {
        "html.scrapinghub.f1": s["f1"],
        "html.scrapinghub.precision": s["precision"],
        "html.scrapinghub.recall": s["recall"],
        "html.scrapinghub.accuracy": s["accuracy"],
        "html.scrapinghub.errors": -float(len(errors)),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = Path(__file__).resolve().parent
    ap.add_argument("--bench", type=Path, default=here.parent.parent / "shared" / "bench")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the worst pages")
    ap.add_argument("--csv", help="write per-page scores to this CSV file")
    args = ap.parse_args(argv)
    metrics = run(args.bench, args.verbose, args.csv)
    print(json.dumps(metrics, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
