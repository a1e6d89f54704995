"""Metadata quality suite: title, site name, authors, publication day (and language, section)
on the shared metadata dev set ``<bench>/meta/`` (181 pages, HTML and three text-dump renderers),
plus the metadata of the text-dump seeds ``<bench>/textdump/seeds/gold.json``.

Scoring uses the bench's own scorer (``meta/score_meta.py``: same normalisation, same per-renderer
visibility flags), so the numbers are comparable with the trafilatura / htmldate baselines in
``meta/baselines/`` which are printed next to ours.

Metrics: ``meta.html.<field>`` and ``meta.<renderer>.<field>`` for field in title, site_name,
authors, date (strict day), date_alt (day, also accepting ``published_alt``), language; and
``meta.seeds.exact`` (fraction of seed metadata fields exactly right).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

RENDERERS = ("chromium", "resiliparse", "w3m80")
FIELDS = {"title": "title", "site_name": "site_name", "authors": "authors", "published": "date",
          "published~": "date_alt", "language": "language", "section": "section"}


def _scorer(meta_dir: Path):
    spec = importlib.util.spec_from_file_location("score_meta", meta_dir / "score_meta.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _pred(row: dict) -> dict:
    pd = row.get("published_date")
    return {
        "title": row.get("title"),
        "site_name": row.get("site_name"),
        "section": row.get("section"),
        "authors": list(row.get("authors") or []),
        "published": pd.isoformat() if pd is not None else None,
        "language": row.get("language"),
    }


def _predict(files: list, fmt: str) -> list:
    import broadsheet

    table = broadsheet.read([str(f) for f in files], format=fmt, progress=False)
    return table.select(["source", "title", "site_name", "section", "authors", "published_date", "language"]).to_pylist()


def _row(name, res) -> dict:
    out = {}
    for f, key in FIELDS.items():
        if f in res:
            ok, n = res[f]
            out[key] = (ok / n if n else float("nan"), ok, n)
    return out


def run(bench_dir: Path, verbose: bool) -> dict:
    meta_dir = bench_dir / "meta"
    gold_path = meta_dir / "scrapinghub.json"
    if not gold_path.exists():
        raise FileNotFoundError(f"no metadata benchmark at {meta_dir}")
    sm = _scorer(meta_dir)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    ids = sorted(gold)
    html_dir = bench_dir / "html" / "scrapinghub" / "html"
    dump_dir = bench_dir / "textdump" / "scrapinghub"

    metrics: dict = {}
    table: dict = {}

    # HTML pages
    files = [html_dir / f"{i}.html.gz" for i in ids]
    rows = _predict(files, "html")
    preds = {i: _pred(r) for i, r in zip(ids, rows)}
    res, errors = sm.score(gold, preds, None, with_section=True)
    table["broadsheet html"] = _row("html", res)
    for f, (v, _, _) in table["broadsheet html"].items():
        metrics[f"meta.html.{f}"] = v
    if verbose:
        _show(errors)

    # text dumps, per renderer
    for r in RENDERERS:
        files = [dump_dir / f"{i}.{r}.txt" for i in ids]
        rows = _predict(files, "text_dump")
        preds = {i: _pred(row) for i, row in zip(ids, rows)}
        res, errors = sm.score(gold, preds, r, with_section=False)
        table[f"broadsheet {r}"] = _row(r, res)
        for f, (v, _, _) in table[f"broadsheet {r}"].items():
            metrics[f"meta.{r}.{f}"] = v
        if verbose:
            print(f"-- {r}")
            _show(errors)

    # baselines, scored the same way
    for p in sorted((meta_dir / "baselines").glob("*.json")):
        try:
            bp = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if set(bp) & set(RENDERERS):
            continue
        with_section = any(isinstance(v, dict) and "section" in v for v in bp.values())
        res, _ = sm.score(gold, bp, None, with_section=with_section)
        keys = {k for v in bp.values() if isinstance(v, dict) for k in v}
        table[p.stem] = {k: v for k, v in _row(p.stem, res).items()
                         if k in keys or (k == "date_alt" and "published" in keys) or (k == "date" and "published" in keys)}

    # seeds
    seeds = bench_dir / "textdump" / "seeds"
    if (seeds / "gold.json").exists():
        metrics["meta.seeds.exact"] = _seeds(seeds, verbose)

    cols = ["title", "site_name", "authors", "date", "date_alt", "language", "section"]
    print(f"{'meta (scored by meta/score_meta.py)':<36}" + "".join(f"{c:>10}" for c in cols))
    for name, row in table.items():
        cells = "".join(f"{row[c][0]:>10.3f}" if c in row else f"{'-':>10}" for c in cols)
        print(f"{name[:36]:<36}{cells}")
    return metrics


def _show(errors, n=40):
    for f, errs in errors.items():
        for i, g, p in errs[:n]:
            print(f"    [{f}] {i[:12]} gold={g!r} pred={p!r}")


def _seeds(seeds: Path, verbose: bool) -> float:
    import broadsheet

    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    ok = n = 0
    for key, g in gold.items():
        if key.startswith("_"):
            continue
        f = seeds / f"{key}.txt"
        if not f.exists():
            continue
        row = broadsheet.extract(f.read_bytes(), format="text_dump")
        pd = row.get("published_date")
        got = {
            "title": row.get("title"),
            "site_name": row.get("site_name"),
            "section": row.get("section"),
            "author": ", ".join(row.get("authors") or []) or None,
            "published": pd.isoformat() if pd is not None else None,
            "language": row.get("language"),
        }
        for field, value in got.items():
            n += 1
            good = g.get(field) == value
            ok += good
            if verbose and not good:
                print(f"    [seed {key} {field}] gold={g.get(field)!r} got={value!r}")
    return ok / n if n else float("nan")
