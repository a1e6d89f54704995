"""Progress bars: tqdm (``tqdm.auto``, so notebooks get a widget) when it is installed, else a
plain one-line bar on a terminal."""

from __future__ import annotations

import sys
import time
from typing import Any, Dict, Optional, Union

ProgressArg = Union[bool, None]


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython  # type: ignore

        shell = get_ipython()
        return shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell"
    except Exception:
        return False


def wanted(progress: ProgressArg) -> bool:
    """``None`` means: show a bar when someone is watching (a terminal or a notebook)."""
    if progress is None:
        return _in_notebook() or (hasattr(sys.stderr, "isatty") and sys.stderr.isatty())
    return bool(progress)


class _PlainBar:
    def __init__(self, desc: str) -> None:
        self.desc = desc
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, stats: Dict[str, int], final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - self.last < 0.2:
            return
        self.last = now
        done = stats["bytes_read"]
        frac = min(done / max(stats["bytes_total"], 1), 1.0)
        width = 30
        filled = int(frac * width)
        rate = done / max(now - self.start, 1e-9) / 1e6
        sys.stderr.write(
            f"\r{self.desc} [{'#' * filled}{'.' * (width - filled)}] {frac:6.1%} "
            f"{stats['documents']} docs, {stats['errors']} errors, {rate:.1f} MB/s"
        )
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


class _TqdmBar:
    def __init__(self, desc: str) -> None:
        from tqdm.auto import tqdm  # type: ignore

        # the total is only known once the core has listed the inputs: set at the first update
        self.bar = tqdm(total=None, desc=desc, unit="B", unit_scale=True, unit_divisor=1024)
        self.pos = 0

    def update(self, stats: Dict[str, int], final: bool = False) -> None:
        if self.bar.total != stats["bytes_total"]:
            self.bar.total = stats["bytes_total"]
        done = stats["bytes_read"]
        self.bar.update(done - self.pos)
        self.pos = done
        self.bar.set_postfix(docs=stats["documents"], errors=stats["errors"], refresh=False)

    def close(self) -> None:
        self.bar.close()


class Progress:
    """A callback for the Rust core (called after each batch with the running counters)."""

    def __init__(self, desc: str) -> None:
        try:
            self._bar: Any = _TqdmBar(desc)
        except ImportError:
            self._bar = _PlainBar(desc)
        self.last: Optional[Dict[str, int]] = None

    def __call__(self, stats: Dict[str, int]) -> None:
        self.last = stats
        self._bar.update(stats)

    def close(self) -> None:
        if self.last is not None:
            self._bar.update(self.last, final=True)
        self._bar.close()


def make(progress: ProgressArg, desc: str) -> Optional[Progress]:
    """A bar fed by the core's counters (which carry the input's total size), or None."""
    if not wanted(progress):
        return None
    return Progress(desc)
