"""The command line: ``broadsheet convert``, ``broadsheet inspect``, ``broadsheet explain``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import List, Optional

from . import __version__, api
from .exceptions import BroadsheetError


def _add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["auto", "text_dump", "html"], default="auto", help="format of the documents (default: by extension and sniffing)")
    p.add_argument("--favor", choices=["balanced", "precision", "recall"], default="balanced", help="precision/recall trade-off of the body extraction")
    p.add_argument("--max-member-size", type=int, default=api.DEFAULT_MAX_MEMBER_SIZE, metavar="BYTES", help="largest document accepted, after decompression (default: 64 MiB)")
    p.add_argument("--time-limit", type=float, default=api.DEFAULT_TIME_LIMIT, metavar="SECONDS", help="an HTML page taking longer becomes an error row (default: 5; 0: no limit)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="broadsheet", description="Turn raw news-article dumps into clean, segmented Arrow tables and Parquet datasets.")
    parser.add_argument("--version", action="version", version=f"broadsheet {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    c = sub.add_parser("convert", help="convert inputs (files, directories, globs) into a Parquet file")
    c.add_argument("inputs", nargs="+", metavar="INPUT")
    c.add_argument("-o", "--output", required=True, metavar="OUT.parquet")
    c.add_argument("-j", "--jobs", type=int, default=0, help="worker threads (default: one per core)")
    c.add_argument("--batch-size", type=int, default=api.DEFAULT_BATCH_SIZE, help="documents per batch")
    c.add_argument("--no-progress", action="store_true", help="no progress bar")
    c.add_argument("--json", action="store_true", help="print the summary as JSON")
    _add_options(c)

    i = sub.add_parser("inspect", help="show the schema version, counts and a few rows of a Parquet file")
    i.add_argument("file", metavar="FILE.parquet")
    i.add_argument("-n", "--rows", type=int, default=5, help="rows to show (default: 5)")

    e = sub.add_parser("explain", help="show why each line of a document was kept or dropped")
    e.add_argument("file", metavar="FILE")
    e.add_argument("--label", action="append", help="only lines with this label (repeatable)")
    e.add_argument("--width", type=int, default=70, help="characters of each line to show")
    _add_options(e)
    return parser


def _short(s: Optional[str], n: int) -> str:
    if s is None:
        return "-"
    s = s.replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def _convert(args: argparse.Namespace) -> int:
    start = time.monotonic()
    stats = api.convert(
        args.inputs,
        args.output,
        jobs=args.jobs,
        batch_size=args.batch_size,
        format=args.format,
        favor=args.favor,
        max_member_size=args.max_member_size,
        time_limit=args.time_limit,
        progress=False if args.no_progress else None,
    )
    seconds = time.monotonic() - start
    stats["seconds"] = round(seconds, 3)
    if args.json:
        print(json.dumps(stats))
    else:
        mb = stats["bytes_read"] / 1e6
        print(
            f"wrote {args.output}: {stats['documents']} documents, {stats['errors']} errors, "
            f"{stats['paragraphs']} paragraphs, {stats['tweets']} tweets "
            f"in {seconds:.2f} s ({mb / max(seconds, 1e-9):.1f} MB/s)"
        )
    return 0


def _inspect(args: argparse.Namespace) -> int:
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(args.file)
    except FileNotFoundError:
        raise
    except Exception as e:  # not a Parquet file
        raise BroadsheetError(f"{args.file}: not a readable Parquet file ({e})") from None
    kv = {k.decode(): v.decode() for k, v in (pf.metadata.metadata or {}).items() if not k.startswith(b"ARROW:")}
    print(f"file:            {args.file}")
    print(f"schema version:  {kv.get('broadsheet.schema_version', '(not a broadsheet file)')}")
    print(f"written by:      broadsheet {kv.get('broadsheet.version', '?')}")
    print(f"options:         {kv.get('broadsheet.options', '?')}")
    print(f"rows:            {pf.metadata.num_rows} in {pf.metadata.num_row_groups} row group(s)")
    cols = [c for c in ["error", "paragraphs", "tweets", "format", "language"] if c in pf.schema_arrow.names]
    t = pf.read(columns=cols)
    if "error" in cols:
        print(f"errors:          {t.num_rows - t.column('error').null_count}")
    if "paragraphs" in cols:
        print(f"paragraphs:      {pc.sum(pc.list_value_length(t.column('paragraphs'))).as_py() or 0}")
    if "tweets" in cols:
        print(f"tweets:          {pc.sum(pc.list_value_length(t.column('tweets'))).as_py() or 0}")
    for c in ("format", "language"):
        if c in cols:
            counts = pc.value_counts(t.column(c).cast("string")).to_pylist()
            shown = ", ".join(f"{d['values']}: {d['counts']}" for d in sorted(counts, key=lambda d: -d["counts"])[:8])
            print(f"{c + ':':<17}{shown}")
    if args.rows > 0:
        want = [c for c in ["source", "title", "language", "word_count", "error"] if c in pf.schema_arrow.names]
        head = pf.read(columns=want).slice(0, args.rows).to_pylist()
        print()
        for row in head:
            print(
                f"- {_short(row.get('source'), 50)} | {_short(row.get('title'), 50)} | "
                f"{row.get('language') or '-'} | {row.get('word_count')} words"
                + (f" | error: {row['error']}" if row.get("error") else "")
            )
    return 0


def _explain(args: argparse.Namespace) -> int:
    from pathlib import Path

    t = api.explain(Path(args.file), format=args.format, favor=args.favor, max_member_size=args.max_member_size, time_limit=args.time_limit)
    rows = t.to_pylist()
    multi = len({r["source"] for r in rows}) > 1
    for r in rows:
        if args.label and r["label"] not in args.label:
            continue
        if r["label"] == "blank" and not args.label:
            continue
        where = f"{_short(r['source'], 30)}:" if multi else ""
        print(f"{where}{r['line']:>5} {r['label']:<11} {_short(r['text'].strip(), args.width):<{args.width}} | {r['reason']}")
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "convert":
            return _convert(args)
        if args.command == "inspect":
            return _inspect(args)
        return _explain(args)
    except (BroadsheetError, FileNotFoundError, OSError, ValueError) as e:
        print(f"broadsheet: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("broadsheet: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
