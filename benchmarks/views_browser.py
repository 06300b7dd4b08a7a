"""Issue 14's "done when" for the HTML views, in headless Chromium: ready, Modality toggle, lanes switch.

    python benchmarks/views_browser.py --store /tmp/views-store [--repeats 5]

Writes ``kg view`` and ``kg timeline`` pages with their defaults (through ``kg.api``, as the CLI does),
opens each in Debian's Chromium (driven by Playwright, see tests/browser.py) and measures, as a user
meets them:

- ready: from navigation start to ``window.kg.ready`` (the page's own clock, ``performance.now()``);
- toggle: clicking "none" then "all" in the filter group titled "Modality", each until control
  returns (the click's handler ran and the next frame was painted);
- lanes: choosing each option of the "Timeline lanes" select in turn, timed the same way.

Reports medians over ``--repeats`` page loads (the machine is shared: medians, not means) and any
console error. Targets (issue 14): ready within 3 s, toggle and lanes within 1 s, no console error.
The test suite runs :func:`measure` on a small store (tests/test_views_browser.py) for the labels and
errors, never for the times.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402

# resolves after the next frame was painted: the page is answering again
_AFTER_PAINT = "() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))"
TARGETS = {"ready": 3.0, "toggle none": 1.0, "toggle all": 1.0, "lanes": 1.0}


def _timed(page, action) -> float:
    t0 = time.perf_counter()
    action()
    page.evaluate(_AFTER_PAINT)
    return time.perf_counter() - t0


def _open(context, path: Path, errors: list[str], timeout: float = 120.0):
    page = context.new_page()
    page.set_default_timeout(timeout * 1000)
    page.on(
        "console",
        lambda m: errors.append(f"{path.name}: console.{m.type}: {m.text}") if m.type in ("error", "assert") else None,
    )
    page.on("pageerror", lambda e: errors.append(f"{path.name}: {e}"))
    page.goto(path.resolve().as_uri())
    deadline = time.monotonic() + timeout
    while not page.evaluate("window.kg && window.kg.ready === true"):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{path}: not ready after {timeout} s")
        page.wait_for_timeout(20)
    return page, page.evaluate("kg.readyAt") / 1000.0


def modality_button(page, label: str):
    """The button ``label`` ("all"/"none") of the filter group whose legend is exactly "Modality"."""
    group = page.locator("fieldset").filter(has=page.locator("legend", has_text="Modality")).first
    return group.get_by_role("button", name=label, exact=True)


def lanes_select(page):
    group = page.locator("fieldset").filter(has=page.locator("legend", has_text="Timeline lanes")).first
    return group.locator("select")


def measure(context, network: Path, timeline: Path, *, repeats: int = 1) -> dict:
    """Times (seconds, one list per figure and page) and console errors for the two pages."""
    errors: list[str] = []
    times: dict[str, list[float]] = {}
    for _ in range(repeats):
        for name, path in (("network", network), ("timeline", timeline)):
            page, ready = _open(context, path, errors)
            times.setdefault(f"{name} ready", []).append(ready)
            for label in ("none", "all"):
                button = modality_button(page, label)
                times.setdefault(f"{name} toggle {label}", []).append(_timed(page, button.click))
            if name == "timeline":
                select = lanes_select(page)
                values = [o.get_attribute("value") for o in select.locator("option").all()]
                current = select.input_value()
                for value in [v for v in values if v != current] + [current]:
                    times.setdefault("timeline lanes", []).append(
                        _timed(page, lambda v=value, s=select: s.select_option(v))
                    )
            page.close()
    return {"times": times, "errors": errors}


def write_pages(store: Path, out: Path) -> tuple[Path, Path]:
    from kg.api import write_network, write_timeline

    return write_network(out / "network.html", store=store), write_timeline(out / "timeline.html", store=store)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True, type=Path)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", type=Path, default=None, help="where the pages go (default: a temporary folder)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        t0 = time.perf_counter()
        network, timeline = write_pages(args.store, out)
        print(
            f"pages written in {time.perf_counter() - t0:.1f} s: network {network.stat().st_size / 1e6:.1f} MB, "
            f"timeline {timeline.stat().st_size / 1e6:.1f} MB"
        )
        with browser.launch(Path(tmp) / "profile") as context:
            result = measure(context, network, timeline, repeats=args.repeats)
    failed = bool(result["errors"])
    for key, values in result["times"].items():
        median = statistics.median(values)
        target = next((t for k, t in TARGETS.items() if key.endswith(k)), None)
        ok = target is None or median <= target
        failed |= not ok
        print(
            f"{key:24s} median {median:6.3f} s  (n={len(values)}, max {max(values):.3f}; "
            f"target {target} s){'' if ok else '  OVER'}"
        )
    for e in result["errors"]:
        print("console error:", e)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
