#!/usr/bin/env python3
"""Out-of-domain check: trafilatura's multilingual evaluation set, as HTML and as text dumps.

The shared bench is 181 news pages, most of them in English. This script scores broadsheet on
a set it was not built on: the evaluation set in trafilatura's repository (about 990 pages of
news sites, blogs, magazines and company or government pages, most in German, many in other
languages), each annotated with up to six snippets the main text must contain (``with``) and
up to six it must not (``without``). A snippet counts as found when its whitespace-normalised
text is in the output (the set's own method); precision is found ``with`` / found snippets,
recall is found ``with`` / all ``with``. The pages are rendered to text at run time by the
renderers of ``quality_renderers.py`` that are installed (the terminal browsers when present),
and read as text dumps; the HTML pages are read as HTML. The body counted is the one the text
suite scores (paragraphs, with the tweets where they stand). Two baselines are scored on the
same dumps: the whole dump kept, and, when the shared bench is found (``--bench``), the best
baseline of the text-dump issue (``bte10_paras`` of ``<bench>/textdump/baselines.py``: the
densest span of paragraphs).

Not part of the CI gate (the set is not bundled): get trafilatura's repository
(``git clone https://github.com/adbar/trafilatura``) and run

    .venv/bin/python bench/outofdomain.py --trafilatura path/to/trafilatura [--renderers w3m120,lynx76] [-v]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import broadsheet

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality_renderers  # noqa: E402
import quality_textdump  # noqa: E402

CHARSET = re.compile(rb"""charset=["']?([\w-]+)""", re.I)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def decode(data: bytes) -> str:
    """The page as text for the renderers (which are given UTF-8): UTF-8, else the declared
    charset, else cp1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = CHARSET.search(data[:4096])
    for enc in ([m.group(1).decode("ascii", "replace")] if m else []) + ["cp1252"]:
        try:
            return data.decode(enc, "replace")
        except LookupError:
            continue
    return data.decode("utf-8", "replace")


def counts(item: dict, output: str) -> tuple[int, int, int]:
    """(with found, without found, with missed) for one page."""
    out = norm(output)
    found = sum(norm(w) in out for w in item["with"])
    wrong = sum(norm(w) in out for w in item["without"])
    return found, wrong, len(item["with"]) - found


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _render(job: tuple[str, str, str, list[str]]) -> None:
    key, page, out, names = job
    html = decode(Path(page).read_bytes())
    # the renderers read UTF-8: the page's own declaration would contradict it
    html = re.sub(r"""(<meta[^>]*charset=["']?)[\w-]+""", r"\1utf-8", html, flags=re.I)
    for name in names:
        try:
            text = quality_renderers.RENDERERS[name](html)
        except Exception:  # a renderer that fails on a page leaves an empty dump
            text = ""
        Path(out, f"{key}.{name}.txt").write_text(text.strip() + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trafilatura", type=Path, required=True, help="a checkout of trafilatura's repository")
    ap.add_argument("--renderers", default=",".join(quality_renderers.RENDERERS), help="comma-separated, of: " + ", ".join(quality_renderers.RENDERERS))
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "bench", help="the shared bench (for the densest-span baseline)")
    ap.add_argument("--no-html", action="store_true", help="score the text dumps only")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the pages with missed snippets")
    args = ap.parse_args()
    tests = args.trafilatura / "tests"
    data = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    names = [n for n in args.renderers.split(",") if n]
    unknown = [n for n in names if n not in quality_renderers.RENDERERS]
    if unknown:
        raise SystemExit(f"unknown or not installed renderers: {', '.join(unknown)}")
    pages = {}
    for url, item in data.items():
        page = next((tests / d / item["file"] for d in ("cache", "eval") if (tests / d / item["file"]).is_file()), None)
        if page is None:
            raise SystemExit(f"{url}: {item['file']} not found under {tests}")
        pages[hashlib.sha1(url.encode()).hexdigest()[:16]] = (url, page)
    densest = None
    if (args.bench / "textdump" / "baselines.py").is_file():
        spec = importlib.util.spec_from_file_location("textdump_baselines", args.bench / "textdump" / "baselines.py")
        baselines = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(baselines)  # type: ignore[union-attr]
        densest = baselines.method_fn("bte10_paras")
    print(f"broadsheet {broadsheet.__version__}: {len(pages)} pages of {tests / 'evaldata.json'}")
    print(f"{'input':<14} {'P':>6} {'R':>6} {'F1':>6} | densest span {'P':>6} {'R':>6} {'F1':>6} | whole dump {'P':>6} {'R':>6} {'F1':>6}")
    with tempfile.TemporaryDirectory(prefix="broadsheet-ood-") as tmp:
        t0 = time.monotonic()
        jobs = [(key, str(page), tmp, names) for key, (_, page) in sorted(pages.items())]
        with ProcessPoolExecutor(os.cpu_count() or 1) as ex:
            list(ex.map(_render, jobs, chunksize=8))
        print(f"(rendered {len(pages)} pages {len(names)} ways in {time.monotonic() - t0:.0f} s)")
        runs = [(name, {key: Path(tmp, f"{key}.{name}.txt") for key in pages}) for name in names]
        if not args.no_html:
            runs.append(("html", {key: page for key, (_, page) in pages.items()}))
        for name, files in runs:
            order = sorted(files)
            table = broadsheet.read([str(files[k]) for k in order], format="html" if name == "html" else "text_dump", progress=False)
            rows = table.select(["paragraphs", "tweets"]).to_pylist()
            total, whole, base, missed = [0, 0, 0], [0, 0, 0], [0, 0, 0], []
            for key, row in zip(order, rows):
                item = data[pages[key][0]]
                c = counts(item, quality_textdump.scoring_body(row))
                total = [a + b for a, b in zip(total, c)]
                raw = files[key].read_bytes().decode("utf-8", "replace")
                if name == "html":
                    raw = re.sub(r"<[^>]+>", " ", raw)
                whole = [a + b for a, b in zip(whole, counts(item, raw))]
                if densest is not None and name != "html":
                    base = [a + b for a, b in zip(base, counts(item, densest(raw, None)))]
                if c[1] or c[2]:
                    missed.append((c[2], c[1], pages[key][0]))
            p, r, f = prf(*total)
            wp, wr, wf = prf(*whole)
            dense = " ".join(f"{v:6.3f}" for v in prf(*base)) if densest is not None and name != "html" else f"{'-':>6} {'-':>6} {'-':>6}"
            print(f"{name:<14} {p:6.3f} {r:6.3f} {f:6.3f} | {'':>12} {dense} | {'':>10} {wp:6.3f} {wr:6.3f} {wf:6.3f}", flush=True)
            if args.verbose:
                for fn, fp, url in sorted(missed, reverse=True)[:15]:
                    print(f"    {fn} missed, {fp} wrong: {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
