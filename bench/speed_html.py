#!/usr/bin/env python3
"""Side-by-side speed of HTML main-content extraction on the Scrapinghub benchmark pages.

Runs, in this process and on the same pages (decompressed once, beforehand):

* broadsheet, single-threaded (``jobs=1``) and on all cores (``jobs=0``), full pipeline
  (decode, extraction, tweets, metadata, language, Arrow table);
* trafilatura ``extract``, Resiliparse ``extract_plain_text(main_content=True)`` and
  rs-trafilatura, when installed (none is required), single-threaded.

Prints pages/s, MB/s and each tool's ratio to trafilatura. Use a release build of broadsheet
for honest numbers (``pip install .`` or ``maturin develop --release``).

    python3 bench/speed_html.py --bench /work/shared/bench [--repeat 3]

Where broadsheet's time goes (the html5ever parse alone, the extraction, the whole pipeline,
the Arrow table), single-threaded on the same pages, without Python:

    cargo run --profile bench-release --example html_speed -- /work/shared/bench/html/scrapinghub/html
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
import time
from pathlib import Path


def load_pages(bench: Path) -> list[tuple[str, str]]:
    pages = []
    for p in sorted((bench / "html" / "scrapinghub" / "html").glob("*.html.gz")):
        raw = gzip.decompress(p.read_bytes())
        pages.append((p.name[: -len(".gz")], raw.decode("utf-8", errors="replace")))
    if not pages:
        raise SystemExit(f"no pages under {bench}/html/scrapinghub/html")
    return pages


def timed(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None) -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=here.parent.parent / "shared" / "bench")
    ap.add_argument("--repeat", type=int, default=3, help="runs per tool; the best is kept")
    args = ap.parse_args(argv)

    pages = load_pages(args.bench)
    n = len(pages)
    mb = sum(len(h.encode("utf-8")) for _, h in pages) / 1e6
    results: dict[str, float] = {}

    import broadsheet

    with tempfile.TemporaryDirectory() as tmp:
        for name, html in pages:
            (Path(tmp) / name).write_text(html, encoding="utf-8")
        results["broadsheet (1 thread)"] = timed(lambda: broadsheet.read(tmp, jobs=1, progress=False), args.repeat)
        results["broadsheet (all cores)"] = timed(lambda: broadsheet.read(tmp, jobs=0, progress=False), args.repeat)

    try:
        import trafilatura

        results["trafilatura"] = timed(lambda: [trafilatura.extract(h) for _, h in pages], args.repeat)
    except ImportError:
        print("trafilatura not installed: skipped")
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        results["resiliparse (main_content)"] = timed(
            lambda: [extract_plain_text(HTMLTree.parse(h), main_content=True) for _, h in pages], args.repeat
        )
    except ImportError:
        print("resiliparse not installed: skipped")
    try:
        import rs_trafilatura

        fn = getattr(rs_trafilatura, "extract", None) or getattr(rs_trafilatura, "extract_text")
        results["rs-trafilatura"] = timed(lambda: [fn(h) for _, h in pages], args.repeat)
    except (ImportError, AttributeError):
        print("rs-trafilatura not installed: skipped")

    base = results.get("trafilatura")
    print(f"{n} pages, {mb:.1f} MB of HTML; best of {args.repeat} runs")
    print(f"{'tool':<28} {'pages/s':>9} {'MB/s':>8} {'x trafilatura':>14}")
    for name, secs in sorted(results.items(), key=lambda kv: kv[1]):
        ratio = f"{base / secs:.1f}" if base else "-"
        print(f"{name:<28} {n / secs:>9.0f} {mb / secs:>8.1f} {ratio:>14}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
