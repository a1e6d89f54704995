#!/usr/bin/env python3
"""Peak memory of ``broadsheet convert`` on WARC files of growing size.

Synthesises ``.warc.gz`` files (one gzip member per record, as crawlers write them) from the
Scrapinghub benchmark pages, repeated with distinct record ids and URLs until each file holds
the requested amount of uncompressed WARC data, converts each to Parquet in a child process
(``python -m broadsheet convert``, all cores) and prints the child's peak resident memory
(``ru_maxrss``), time and throughput. The reader streams records and the pipeline works in
bounded batches, so peak memory should stay flat as the input grows.

The files go to a temporary directory (``--tmp``) and are deleted after each run: nothing is
written into the repository. Use a release build of broadsheet.

    python3 bench/memory_warc.py --bench /work/shared/bench --sizes 100M,1G,4G
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
import zlib
from pathlib import Path


def parse_size(s: str) -> int:
    s = s.strip().upper()
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(s[-1:], 1)
    return int(float(s.rstrip("KMG")) * mult)


def load_pages(bench: Path) -> list[bytes]:
    pages = [gzip.decompress(p.read_bytes()) for p in sorted((bench / "html" / "scrapinghub" / "html").glob("*.html.gz"))]
    if not pages:
        raise SystemExit(f"no pages under {bench}/html/scrapinghub/html")
    return pages


def record(page: bytes, n: int) -> bytes:
    """One WARC response record (uncompressed) for `page`, the n-th of the file."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(page) + page
    head = (
        "WARC/1.0\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=n)}>\r\n"
        f"WARC-Target-URI: https://news.example.org/story/{n}\r\n"
        "WARC-Date: 2024-01-01T00:00:00Z\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def write_warc(path: Path, pages: list[bytes], size: int) -> tuple[int, int]:
    """Write records until `size` uncompressed bytes; returns (records, uncompressed bytes)."""
    total = n = 0
    with open(path, "wb") as f:
        while total < size:
            rec = record(pages[n % len(pages)], n)
            c = zlib.compressobj(1, zlib.DEFLATED, 31)  # one gzip member per record
            f.write(c.compress(rec) + c.flush())
            total += len(rec)
            n += 1
    return n, total


def convert(path: Path, out: Path, jobs: int) -> tuple[int, float]:
    """Run `broadsheet convert` in a child; returns (peak RSS in bytes, seconds)."""
    cmd = [sys.executable, "-m", "broadsheet", "convert", str(path), "-o", str(out), "--no-progress", "-j", str(jobs)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"convert failed ({proc.returncode}): {' '.join(cmd)}")
    return usage.ru_maxrss * 1024, secs  # ru_maxrss is in KiB on Linux


def main(argv=None) -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=here.parent.parent / "shared" / "bench")
    ap.add_argument("--sizes", default="100M,1G,4G", help="uncompressed WARC sizes, comma-separated (K, M, G suffixes)")
    ap.add_argument("--jobs", type=int, default=0, help="worker threads of the conversion (0: all cores)")
    ap.add_argument("--tmp", type=Path, default=None, help="where to write the temporary WARC and Parquet files")
    args = ap.parse_args(argv)

    pages = load_pages(args.bench)
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="broadsheet-warc-", dir=args.tmp))
    try:
        for s in args.sizes.split(","):
            size = parse_size(s)
            warc = tmp / f"synthetic-{s.strip()}.warc.gz"
            out = tmp / "out.parquet"
            records, raw = write_warc(warc, pages, size)
            gz = warc.stat().st_size
            rss, secs = convert(warc, out, args.jobs)
            rows.append((s.strip(), records, raw, gz, out.stat().st_size, rss, secs))
            print(
                f"{s.strip()}: {records} records, {raw / 1e6:.0f} MB WARC ({gz / 1e6:.0f} MB gzipped) -> "
                f"peak RSS {rss / 1e6:.0f} MB in {secs:.1f} s",
                flush=True,
            )
            warc.unlink()
            out.unlink()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print()
    print(f"{'size':<6} {'records':>8} {'WARC MB':>8} {'.gz MB':>7} {'parquet MB':>10} {'peak RSS MB':>11} {'s':>7} {'MB/s':>6}")
    for name, records, raw, gz, pq, rss, secs in rows:
        print(f"{name:<6} {records:>8} {raw / 1e6:>8.0f} {gz / 1e6:>7.0f} {pq / 1e6:>10.0f} {rss / 1e6:>11.0f} {secs:>7.1f} {raw / 1e6 / secs:>6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
