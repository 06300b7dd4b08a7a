"""Regenerate the README's screenshots of the seed article's views (needs Chromium and playwright).

    .venv/bin/kg demo && .venv/bin/python docs/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402


def shoot(context, page_path: Path, png: Path, select: str | None = None) -> None:
    page = context.new_page()
    page.goto(page_path.resolve().as_uri())
    deadline = time.monotonic() + 20
    while not page.evaluate("window.kg && window.kg.ready === true"):
        if time.monotonic() > deadline:
            raise SystemExit(f"{page_path}: the page did not become ready")
        page.wait_for_timeout(100)
    page.wait_for_timeout(1500)  # let the layout settle
    if select:
        page.evaluate(select)
        page.wait_for_timeout(300)
    page.screenshot(path=str(png))
    page.close()


def main() -> int:
    out = ROOT / "out"
    with tempfile.TemporaryDirectory() as profile, browser.launch(Path(profile)) as context:
        shoot(context, out / "network.html", ROOT / "docs" / "network.png", "kg.select('event', 0, 'docs')")
        shoot(context, out / "timeline.html", ROOT / "docs" / "timeline.png", "kg.select('event', 0, 'docs')")
    print("wrote docs/network.png docs/timeline.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
