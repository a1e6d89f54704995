"""Text-dump suite of bench/quality.py: article bodies extracted from plain-text page dumps.

Runs broadsheet on every dump of ``<bench>/textdump/scrapinghub`` (181 pages, each rendered by
several renderers: ``<id>.<renderer>.txt``) and scores the bodies with the benchmark's own scorer
(``<bench>/textdump/score.py``, shingle P/R/F1, imported, not copied).

Tweets: the Scrapinghub gold bodies contain the text and byline of the tweets embedded in the
article, while broadsheet keeps tweets out of ``text`` and puts them in the ``tweets`` column with
``after_paragraph``. The scored body therefore re-inserts each tweet (its text, then its byline
``— Name (@handle) date``) after its paragraph, the way the gold counts it.

Metrics: ``textdump.<renderer>.f1|precision|recall`` and ``textdump.seeds.exact`` (share of the
seed dumps whose paragraphs equal their line-by-line gold). Standalone use:

    .venv/bin/python bench/quality_textdump.py --bench /work/shared/bench [-v] [--favor precision]
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path

import broadsheet

# Baselines measured for this set by <bench>/textdump/baselines.py (issue 4), chromium/resiliparse/w3m80.
BASELINES = {
    "whole dump kept": (0.694, 0.653, 0.639),
    "jusText on paragraphs": (0.814, 0.798, 0.773),
    "min 15 words per paragraph": (0.821, 0.789, 0.741),
    "densest span (bte10_paras)": (0.856, 0.826, 0.833),
    "oracle upper bound": (0.990, 0.984, 0.975),
}
BASELINE_RENDERERS = ("chromium", "resiliparse", "w3m80")


def _load_scorer(folder: Path):
    spec = importlib.util.spec_from_file_location("textdump_score", folder / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def tweet_byline(t: dict) -> str:
    name = t.get("author_name") or ""
    handle = t.get("handle")
    parts = ["—", name] if name else ["—"]
    if handle:
        parts.append(f"(@{handle})")
    if t.get("published_text"):
        parts.append(t["published_text"])
    return " ".join(parts)


def scoring_body(row: dict) -> str:
    """Paragraphs joined by blank lines, each tweet (text + byline) after its paragraph."""
    paras = [p["text"] for p in row.get("paragraphs") or []]
    after: dict = {}
    for t in row.get("tweets") or []:
        after.setdefault(int(t["after_paragraph"]), []).append(t)
    out = []
    for t in after.get(-1, []):
        out += [t["text"], tweet_byline(t)]
    for i, p in enumerate(paras):
        out.append(p)
        for t in after.get(i, []):
            out += [t["text"], tweet_byline(t)]
    # tweets placed after the last paragraph (or beyond) still count
    for k, ts in after.items():
        if k >= len(paras):
            for t in ts:
                out += [t["text"], tweet_byline(t)]
    return "\n\n".join(x for x in out if x)


def extract_folder(files: list, favor: str) -> dict:
    """{path: row} for the given dump files, one read() call (all cores)."""
    table = broadsheet.read([str(f) for f in files], format="text_dump", favor=favor)
    rows = table.select(["source", "title", "paragraphs", "tweets", "error"]).to_pylist()
    out = {}
    for r in rows:
        out[r["source"]] = r
    return out


def run(bench_dir: Path, verbose: bool, favor: str = "balanced", per_doc: Path | None = None) -> dict:
    folder = Path(bench_dir) / "textdump"
    sh = folder / "scrapinghub"
    if not (sh / "gold.json").is_file():
        raise FileNotFoundError(f"{sh / 'gold.json'} not found")
    score = _load_scorer(folder)
    gold = score.load_gold(str(sh / "gold.json"))
    manifest = json.loads((folder / "manifest.json").read_text())
    renderers = sorted(manifest.get("renderers") or {p.name.rsplit(".", 2)[1] for p in sh.glob("*.*.txt")})

    files = sorted(sh.glob("*.txt"))
    t0 = time.monotonic()
    rows = extract_folder(files, favor)
    secs = time.monotonic() - t0
    nbytes = sum(f.stat().st_size for f in files)

    by_source = {}
    for src, r in rows.items():
        by_source[Path(src).name] = r

    metrics: dict = {}
    table = []
    worst = []
    for rend in renderers:
        preds = {}
        errors = 0
        for doc_id in gold:
            r = by_source.get(f"{doc_id}.{rend}.txt")
            if r is None or r.get("error"):
                errors += 1
                preds[doc_id] = ""
                continue
            preds[doc_id] = scoring_body(r)
        per = score.score_run(gold, preds, run=rend)["shingle"]
        s = score.shingle_summary(per)
        for k in ("f1", "precision", "recall"):
            metrics[f"textdump.{rend}.{k}"] = s[k]
        table.append((rend, len(per), s, errors))
        for row in per:
            p = score.doc_precision(row["tp"], row["fp"], row["fn"])
            rc = score.doc_recall(row["tp"], row["fp"], row["fn"])
            f = 2 * p * rc / (p + rc) if p + rc else 0.0
            worst.append((f, p, rc, rend, row["id"]))

    # seeds: paragraphs must equal the line-by-line gold
    seeds = folder / "seeds"
    if (seeds / "gold.json").is_file():
        sg = json.loads((seeds / "gold.json").read_text())
        ids = [k for k in sg if not k.startswith("_")]
        exact = 0
        for k in ids:
            r = broadsheet.extract((seeds / f"{k}.txt").read_bytes(), format="text_dump", favor=favor)
            got = [p["text"] for p in r["paragraphs"]]
            if got == sg[k]["paragraphs"]:
                exact += 1
            elif verbose:
                print(f"  seed {k}: paragraphs differ from gold ({len(got)} vs {len(sg[k]['paragraphs'])})")
        metrics["textdump.seeds.exact"] = exact / len(ids) if ids else 0.0

    print(f"textdump ({favor}): {len(files)} dumps, {nbytes / 1e6:.1f} MB in {secs:.2f} s "
          f"({nbytes / 1e6 / secs:.1f} MB/s, all cores, dev or release build as installed)")
    print(f"{'renderer':<12} {'docs':>5} {'F1':>7} {'P':>7} {'R':>7} {'exact':>7} {'errors':>6}")
    for rend, n, s, errors in table:
        print(f"{rend:<12} {n:>5} {s['f1']:>7.3f} {s['precision']:>7.3f} {s['recall']:>7.3f} {s['accuracy']:>7.3f} {errors:>6}")
    print("baselines (F1, from the issue): " + "; ".join(
        f"{name} " + "/".join(f"{v:.3f}" for v in vals) for name, vals in BASELINES.items()))
    if verbose:
        worst.sort()
        print("worst documents (F1 P R renderer id):")
        for f, p, rc, rend, doc in worst[:40]:
            print(f"  {f:.3f} {p:.3f} {rc:.3f} {rend:<12} {doc}")
    if per_doc is not None:
        per_doc.write_text("".join(f"{f:.3f} {p:.3f} {rc:.3f} {rend} {doc}\n" for f, p, rc, rend, doc in sorted(worst, key=lambda w: (w[3], w[4]))))
    return metrics


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "bench")
    ap.add_argument("--favor", default="balanced", choices=["balanced", "precision", "recall"])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--per-doc", type=Path, help="write every document's F1 P R renderer id to this file (to diff two runs)")
    a = ap.parse_args()
    m = run(a.bench, a.verbose, a.favor, a.per_doc)
    for k in sorted(m):
        print(f"{k:<36} {m[k]:.3f}")
    sys.exit(0)
