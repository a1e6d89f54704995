"""Renderers suite of bench/quality.py: text-dump bodies from renderers the cleaner was not built on.

The text-dump suite scores the three renderings shipped with the benchmark (Chromium, Resiliparse,
w3m at 80 columns). Users bring dumps from other tools too, so this suite renders the same 181
Scrapinghub HTML pages (``<bench>/html/scrapinghub/html``) with three more, at bench time, into a
temporary folder (nothing is stored in the repository):

- ``html2text78``: html2text's Markdown with links and images, wrapped at 78 columns (its default);
- ``html2text0``: html2text's Markdown without links, unwrapped;
- ``inscriptis``: inscriptis' layout-aware plain text (tables laid out in columns);
- ``bs4text``: BeautifulSoup's ``get_text()`` (the page's text nodes one after the other, with
  nothing between them: menus glued into one line, whole pages when the HTML has no line
  breaks), and ``bs4lines``: ``get_text("\n", strip=True)`` (every text node on a line of its
  own: sentences cut at every link), both with the standard library's ``html.parser``;
- when installed, ``lynx76`` (``lynx -dump -width=76``: link numbers and the list of link
  targets), ``w3m120`` (``w3m -dump -cols 120``), ``w3m80links`` (``-o display_link_number=1``:
  link numbers and the list of targets), ``links2`` (``links2 -dump -width 80``), ``pandoc72``
  (``pandoc -t plain``, wrapped at 72), ``pandocgfm`` (``pandoc -t gfm``: Markdown with the
  page's raw HTML), ``elinks80`` (``elinks -dump``: link numbers, titled and hidden targets) and
  ``dhtml2text79`` (Debian's C++ ``html2text``: no blank lines, headings framed in stars),
  printed but not pinned (CI machines lack them).

The bodies are scored against the text-dump gold (``<bench>/textdump/scrapinghub/gold.json``) by the
benchmark's scorer, tweets re-inserted as in the text-dump suite, and the 17 embedded tweets are
scored as by the tweets suite; the titles are scored by the metadata benchmark's scorer
(``<bench>/meta``). Metrics: ``renderers.<name>.f1|precision|recall|tweets_found|
tweets_spurious_free|title``. Needs the ``html2text``, ``inscriptis`` and ``beautifulsoup4``
packages (test extras). Standalone use:

    .venv/bin/python bench/quality_renderers.py --bench /work/shared/bench [-v]
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import html2text
import inscriptis
from bs4 import BeautifulSoup

import quality_meta
import quality_textdump
import quality_tweets


def _html2text(html: str, width: int, links: bool) -> str:
    h = html2text.HTML2Text()
    h.body_width = width
    h.ignore_links = not links
    return h.handle(html)


def _command(*argv: str):
    """A renderer run as a command on the page: read from stdin, or from a file named where
    ``{file}`` stands in ``argv``."""

    def render(html: str) -> str:
        if "{file}" not in argv:
            out = subprocess.run(argv, input=html.encode("utf-8"), capture_output=True, timeout=60)
            return out.stdout.decode("utf-8", "replace")
        with tempfile.NamedTemporaryFile("wb", suffix=".html") as f:
            f.write(html.encode("utf-8"))
            f.flush()
            args = [f.name if a == "{file}" else a for a in argv]
            out = subprocess.run(args, capture_output=True, timeout=60)
            return out.stdout.decode("utf-8", "replace")

    return render


RENDERERS = {
    "html2text78": lambda html: _html2text(html, 78, links=True),
    "html2text0": lambda html: _html2text(html, 0, links=False),
    "inscriptis": inscriptis.get_text,
    "bs4text": lambda html: BeautifulSoup(html, "html.parser").get_text(),
    "bs4lines": lambda html: BeautifulSoup(html, "html.parser").get_text("\n", strip=True),
}
# Terminal browsers, when installed (scored and printed, not pinned: CI machines lack them):
# lynx with its link numbers and list of targets at 76 columns, w3m at 120 columns.
if shutil.which("lynx"):
    RENDERERS["lynx76"] = _command("lynx", "-dump", "-stdin", "-force_html", "-assume_charset=utf-8",
                                   "-display_charset=utf-8", "-width=76")
if shutil.which("w3m"):
    RENDERERS["w3m120"] = _command("w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "120")
    RENDERERS["w3m80links"] = _command("w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "80",
                                       "-o", "display_link_number=1")
if shutil.which("links2"):
    RENDERERS["links2"] = _command("links2", "-dump", "-width", "80", "-codepage", "utf-8", "-html-assume-codepage", "utf-8", "{file}")
if shutil.which("pandoc"):
    RENDERERS["pandoc72"] = _command("pandoc", "-f", "html", "-t", "plain")
    RENDERERS["pandocgfm"] = _command("pandoc", "-f", "html", "-t", "gfm")
if shutil.which("elinks"):
    # link numbers, a list of targets with titled entries and unnumbered hidden links; stray
    # bytes where it cannot write a character
    RENDERERS["elinks80"] = _command("elinks", "-dump", "-dump-width", "80", "-dump-charset", "utf-8", "-no-home", "{file}")


def _debian_html2text() -> bool:
    """The C++ html2text (Debian's, 1.3.x), not the Python package's command of that name."""
    exe = shutil.which("html2text")
    if not exe:
        return False
    p = subprocess.run([exe, "-version"], capture_output=True, text=True, timeout=10)
    return "html2text, version 1." in p.stdout + p.stderr


if _debian_html2text():
    # no blank lines between paragraphs, headings framed in stars, links with underscores
    RENDERERS["dhtml2text79"] = _command("html2text", "-utf8", "-width", "79", "{file}")


def render(pages: Path, out: Path) -> int:
    """Writes ``<id>.<renderer>.txt`` for every page; returns the number of pages."""
    n = 0
    for f in sorted(pages.glob("*.html.gz")):
        doc = f.name[: -len(".html.gz")]
        html = gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
        for name, fn in RENDERERS.items():
            (out / f"{doc}.{name}.txt").write_text(fn(html).strip() + "\n")
        n += 1
    return n


def run(bench_dir: Path, verbose: bool) -> dict:
    bench_dir = Path(bench_dir)
    pages = bench_dir / "html" / "scrapinghub" / "html"
    gold_file = bench_dir / "textdump" / "scrapinghub" / "gold.json"
    if not pages.is_dir() or not gold_file.is_file():
        raise FileNotFoundError(f"{pages} or {gold_file} not found")
    score = quality_textdump._load_scorer(bench_dir / "textdump")
    gold = score.load_gold(str(gold_file))
    tweet_gold, _ = quality_tweets._gold(bench_dir)
    # titles, scored by the metadata benchmark's scorer (title_present is known for the
    # benchmark's own renderings only: every title counts here)
    meta_gold = None
    if (bench_dir / "meta" / "scrapinghub.json").is_file():
        meta_score = quality_meta._scorer(bench_dir / "meta")
        meta_gold = json.loads((bench_dir / "meta" / "scrapinghub.json").read_text(encoding="utf-8"))
    metrics: dict = {}
    with tempfile.TemporaryDirectory(prefix="broadsheet-renderers-") as tmp:
        out = Path(tmp)
        t0 = time.monotonic()
        n = render(pages, out)
        print(f"renderers: {n} pages rendered {len(RENDERERS)} ways in {time.monotonic() - t0:.1f} s")
        rows = quality_textdump.extract_folder(sorted(out.glob("*.txt")), "balanced")
        by_name = {Path(src).name: r for src, r in rows.items()}
        print(f"{'renderer':<12} {'docs':>5} {'F1':>7} {'P':>7} {'R':>7} {'errors':>6} {'title':>6}")
        for name in RENDERERS:
            preds, errors = {}, 0
            for doc_id in gold:
                r = by_name.get(f"{doc_id}.{name}.txt")
                if r is None or r.get("error"):
                    errors += 1
                    preds[doc_id] = ""
                else:
                    preds[doc_id] = quality_textdump.scoring_body(r)
            per = score.score_run(gold, preds, run=name)["shingle"]
            s = score.shingle_summary(per)
            for k in ("f1", "precision", "recall"):
                metrics[f"renderers.{name}.{k}"] = s[k]
            title = float("nan")
            if meta_gold is not None:
                tp = {i: {"title": (by_name.get(f"{i}.{name}.txt") or {}).get("title")} for i in meta_gold}
                res, _ = meta_score.score(meta_gold, tp, None, with_section=False)
                ok, n = res["title"]
                title = ok / n if n else float("nan")
                metrics[f"renderers.{name}.title"] = title
            print(f"{name:<12} {len(per):>5} {s['f1']:>7.3f} {s['precision']:>7.3f} {s['recall']:>7.3f} {errors:>6} {title:>6.3f}")
            # the embedded tweets of those pages, scored as by the tweets suite
            by_page = {doc_id: by_name.get(f"{doc_id}.{name}.txt") or {} for doc_id in gold}
            tm, _ = quality_tweets._score(name, tweet_gold, by_page, False, verbose)
            metrics[f"renderers.{name}.tweets_found"] = tm[f"tweets.{name}.found"]
            metrics[f"renderers.{name}.tweets_spurious_free"] = tm[f"tweets.{name}.spurious_free"]
            if verbose:
                worst = []
                for row in per:
                    p = score.doc_precision(row["tp"], row["fp"], row["fn"])
                    rc = score.doc_recall(row["tp"], row["fp"], row["fn"])
                    worst.append((2 * p * rc / (p + rc) if p + rc else 0.0, p, rc, row["id"]))
                for f, p, rc, doc in sorted(worst)[:10]:
                    print(f"  {f:.3f} {p:.3f} {rc:.3f} {doc}")
    return metrics


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "bench")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    m = run(a.bench, a.verbose)
    for k in sorted(m):
        print(f"{k:<36} {m[k]:.3f}")
    sys.exit(0)
