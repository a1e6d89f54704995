"""Tweets suite of the quality driver (bench/quality.py): embedded tweets found as data.

Gold: ``textdump/scrapinghub/tweets.json`` (17 tweets on 9 pages, each with its text, handle,
author name, date and status id) and the ``tweets`` of ``textdump/seeds/gold.json``. Inputs: the
text dumps of every renderer (``textdump/scrapinghub/<id>.<renderer>.txt``), the seed dumps and
the HTML pages (``html/scrapinghub/html/<id>.html.gz``), ALL pages of each, so that tweets
reported on pages without any count as spurious.

Metrics (higher is better for all of them, so that floors are minimums):

* ``tweets.<run>.found``: share of gold tweets found with exact text (links aside, whitespace
  normalised), handle, author name and day; in HTML also the status id.
* ``tweets.<run>.spurious_free``: share of pages on which no tweet is reported beyond the gold.
* ``tweets.all.no_spurious``: 1.0 when no run reports any spurious tweet, else 0.0.
* ``tweets.<run>.no_tweet_line_in_paragraphs``: share of gold tweets none of whose text lines
  (pieces of 5+ words) or byline ends up inside a paragraph of the body.
* ``tweets.<run>.links``: share of gold tweets found whose links are all reported (HTML: the
  hrefs; dumps: the t.co / pic.twitter.com links shown).

``--verbose`` prints every miss and every spurious tweet. The spurious count per run is printed
too (``spurious=N``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

URL_RE = re.compile(r"(?:https?://\S*|\bpic\.(?:twitter|x)\.com/\S*|\bhttps?:?/*$)", re.I)


def norm_text(s: str) -> str:
    """A tweet's text with its links removed and whitespace collapsed."""
    s = URL_RE.sub(" ", s or "")
    return " ".join(s.split())


def _gold(bench: Path):
    """[(run_key_page, page_id, [gold tweets])]: shared bench pages and seeds."""
    tj = bench / "textdump" / "scrapinghub" / "tweets.json"
    if not tj.exists():
        raise FileNotFoundError(tj)
    pages = json.loads(tj.read_text(encoding="utf-8"))
    gold = {}
    for pid, v in pages.items():
        gold[pid] = [
            {
                "text": t["text"],
                "handle": t["handle"],
                "author_name": t["author_name"],
                "day": t["date_iso"],
                "status_id": t.get("status_id"),
                # HTML gives every link's href; a dump shows the t.co / pic.twitter.com text
                "hrefs": [l["href"] for l in t.get("links", [])],
                "links": [l["text"] for l in t.get("links", []) if l.get("kind") in ("t.co", "pic.twitter.com")],
                "byline": t.get("byline"),
            }
            for t in v["tweets"]
        ]
    seeds = {}
    sg = bench / "textdump" / "seeds" / "gold.json"
    if sg.exists():
        for sid, v in json.loads(sg.read_text(encoding="utf-8")).items():
            if sid.startswith("_"):
                continue
            seeds[sid] = [
                {
                    "text": t["text"],
                    "handle": t["handle"],
                    "author_name": t["author_name"],
                    "day": t["date_iso"],
                    "status_id": None,
                    "links": [l["text"] for l in t.get("links", [])],
                    "hrefs": [],
                    "byline": t.get("byline_line"),
                }
                for t in v.get("tweets", [])
            ]
    return gold, seeds


def _day(v):
    return None if v is None else str(v)[:10]


def _same(g, p, html: bool) -> bool:
    ok = (
        norm_text(p.get("text")) == norm_text(g["text"])
        and p.get("handle") == g["handle"]
        and p.get("author_name") == g["author_name"]
        and _day(p.get("published")) == g["day"]
    )
    if html:
        ok = ok and p.get("status_id") == g["status_id"]
    return ok


def _links_ok(g, p, html: bool) -> bool:
    got = {l.rstrip("/") for l in p.get("links") or []}
    want = set()
    for l in g["hrefs"] if html else g["links"]:
        l = l if l.startswith("http") else "https://" + l
        want.add(l.rstrip("/"))
    return want <= got


def _leaks(g, paragraphs) -> bool:
    paras = [" ".join(p["text"].split()) for p in paragraphs or []]
    if any(f"(@{g['handle']})" in p for p in paras):
        return True
    for piece in re.split(r"\n+", g["text"]):
        piece = norm_text(piece)
        if len(piece.split()) >= 5 and any(piece in p for p in paras):
            return True
    return False


def _score(run: str, gold_by_page, rows_by_page, html: bool, verbose: bool):
    """rows_by_page: {page_id: row dict}; pages absent from gold have no tweets."""
    total = found = links = clean = 0
    spurious = 0
    spurious_pages = 0
    for pid, row in rows_by_page.items():
        gold = gold_by_page.get(pid, [])
        preds = list(row.get("tweets") or [])
        used = set()
        page_spurious = 0
        for g in gold:
            total += 1
            exact = next((i for i, p in enumerate(preds) if i not in used and _same(g, p, html)), None)
            if exact is None:
                # the same tweet found inexactly (same handle and day) is a miss, not spurious
                near = next(
                    (i for i, p in enumerate(preds) if i not in used and p.get("handle") == g["handle"] and _day(p.get("published")) == g["day"]),
                    None,
                )
                if near is None and html:
                    near = next((i for i, p in enumerate(preds) if i not in used and p.get("status_id") == g["status_id"]), None)
                if near is not None:
                    used.add(near)
                if verbose:
                    got = preds[near] if near is not None else None
                    print(f"  [{run}] MISS {pid[:12]} @{g['handle']} {g['day']}: want {norm_text(g['text'])[:90]!r}")
                    if got is not None:
                        print(
                            f"  [{run}]      got  {norm_text(got.get('text'))[:90]!r} handle={got.get('handle')} "
                            f"name={got.get('author_name')!r} day={_day(got.get('published'))} id={got.get('status_id')}"
                        )
            else:
                used.add(exact)
                found += 1
                if _links_ok(g, preds[exact], html):
                    links += 1
                elif verbose:
                    print(f"  [{run}] LINKS {pid[:12]} @{g['handle']}: want {g['hrefs'] if html else g['links']} got {preds[exact].get('links')}")
            if _leaks(g, row.get("paragraphs")):
                if verbose:
                    print(f"  [{run}] LEAK {pid[:12]} @{g['handle']}: tweet text or byline inside a paragraph")
            else:
                clean += 1
        for i, p in enumerate(preds):
            if i not in used:
                page_spurious += 1
                if verbose:
                    print(f"  [{run}] SPURIOUS {pid[:12]} @{p.get('handle')} {norm_text(p.get('text'))[:80]!r}")
        spurious += page_spurious
        spurious_pages += page_spurious > 0
    n = max(total, 1)
    metrics = {
        f"tweets.{run}.found": found / n,
        f"tweets.{run}.links": links / n,
        f"tweets.{run}.no_tweet_line_in_paragraphs": clean / n,
        f"tweets.{run}.spurious_free": 1.0 - spurious_pages / max(len(rows_by_page), 1),
    }
    print(f"  {run:<12} found {found}/{total}  links {links}/{total}  leaks {total - clean}  spurious={spurious} on {len(rows_by_page)} pages")
    return metrics, spurious


def run(bench_dir: Path, verbose: bool = False) -> dict:
    import broadsheet

    bench_dir = Path(bench_dir)
    gold, seeds = _gold(bench_dir)
    sh = bench_dir / "textdump" / "scrapinghub"
    renderers = sorted({p.name.split(".")[-2] for p in sh.glob("*.*.txt")})
    metrics: dict = {}
    spurious_total = 0
    for r in renderers:
        files = sorted(sh.glob(f"*.{r}.txt"))
        tbl = broadsheet.read([str(f) for f in files], format="text_dump", progress=False)
        rows = {Path(row["source"]).name.split(".")[0]: row for row in tbl.to_pylist()}
        m, s = _score(r, gold, rows, html=False, verbose=verbose)
        metrics.update(m)
        spurious_total += s
    seed_dir = bench_dir / "textdump" / "seeds"
    seed_files = sorted(seed_dir.glob("*.txt"))
    if seed_files:
        tbl = broadsheet.read([str(f) for f in seed_files], format="text_dump", progress=False)
        rows = {Path(row["source"]).stem: row for row in tbl.to_pylist()}
        m, s = _score("seeds", seeds, rows, html=False, verbose=verbose)
        metrics.update(m)
        spurious_total += s
    hd = bench_dir / "html" / "scrapinghub" / "html"
    html_files = sorted(hd.glob("*.html*"))
    if html_files:
        tbl = broadsheet.read([str(f) for f in html_files], format="html", progress=False)
        rows = {Path(row["source"]).name.split(".")[0]: row for row in tbl.to_pylist()}
        m, s = _score("html", gold, rows, html=True, verbose=verbose)
        metrics.update(m)
        spurious_total += s
    metrics["tweets.all.no_spurious"] = 1.0 if spurious_total == 0 else 0.0
    return metrics


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="tweets suite alone")
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "bench")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    for k, v in sorted(run(a.bench, a.verbose).items()):
        print(f"{k:<48} {v:.3f}")
    sys.exit(0)
