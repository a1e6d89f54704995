"""The command line, run as a user would (`broadsheet ...` and `python -m broadsheet ...`)."""

import json
import shutil
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

BROADSHEET = shutil.which("broadsheet") or str(__import__("pathlib").Path(sys.executable).parent / "broadsheet")


def run(*args, ok=True):
    p = subprocess.run([BROADSHEET, *map(str, args)], capture_output=True, text=True, timeout=120)
    if ok:
        assert p.returncode == 0, p.stderr
    return p


def test_convert_inspect_explain(tmp_path, root):
    out = tmp_path / "articles.parquet"
    p = run("convert", root / "examples", "-o", out, "--json")
    summary = json.loads(p.stdout)
    n = pq.ParquetFile(out).metadata.num_rows
    assert summary["documents"] == n >= 5
    assert summary["errors"] == 0 and summary["tweets"] >= 4
    assert summary["seconds"] >= 0
    p = run("inspect", out, "-n", "2")
    import broadsheet

    assert f"schema version:  {broadsheet.SCHEMA_VERSION}" in p.stdout
    assert f"rows:            {n}" in p.stdout
    assert p.stdout.count("\n- ") == 2
    p = run("explain", root / "examples" / "rt-france-telegram.txt", "--label", "tweet")
    lines = p.stdout.strip().splitlines()
    assert len(lines) == 6 and all(" tweet " in l for l in lines)
    assert any("tweet byline of @RTenfrancais" in l for l in lines)


def test_human_summary_and_module_entry_point(tmp_path, root):
    out = tmp_path / "a.parquet"
    p = subprocess.run(
        [sys.executable, "-m", "broadsheet", "convert", str(root / "examples"), "-o", str(out), "--no-progress"],
        capture_output=True, text=True, timeout=120,
    )
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith(f"wrote {out}:") and "documents" in p.stdout and "tweets" in p.stdout
    assert p.stderr == ""  # no progress bar when asked for none


def test_errors_are_messages_not_tracebacks(tmp_path):
    p = run("convert", tmp_path / "missing.txt", "-o", tmp_path / "x.parquet", ok=False)
    assert p.returncode == 1
    assert "missing.txt" in p.stderr and "Traceback" not in p.stderr
    p = run("inspect", tmp_path / "nothing.parquet", ok=False)
    assert p.returncode == 1 and "Traceback" not in p.stderr
    p = run("convert", "x", ok=False)
    assert p.returncode == 2  # argparse: -o is required


@pytest.mark.skipif(sys.platform == "win32", reason="tty")
def test_progress_bar_on_request(tmp_path, root):
    import broadsheet

    out = tmp_path / "p.parquet"
    # progress=True forces a bar even without a terminal (tqdm writes to stderr)
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        broadsheet.convert(root / "examples", out, progress=True)
    assert "broadsheet" in err.getvalue()
