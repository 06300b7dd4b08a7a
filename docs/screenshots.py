"""Regenerate the README's screenshots of the views on a corpus (needs Chromium and playwright).

    kg build ../shared/corpus/ukraine_news.jsonl --store /tmp/corpus-store --jobs 2
    python docs/screenshots.py --store /tmp/corpus-store

Writes ``kg view`` and ``kg timeline`` pages of the store with their defaults, then, in headless
Chromium, takes: the network narrowed to six event types between the 25 best-connected entities
(docs/network.png); the evidence panel of the link with most events (docs/evidence.png); the timeline
on the busiest week, per actor (docs/timeline.png). Each view is set by the page's own controls
(``kg.setFilter``, ``kg.select``), as a reader would set it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402

# the busiest 7 days of events dated to the day, as [from, to] day numbers ("in 2014" is not a day)
BUSIEST_WEEK = """() => {
  const per = new Map();
  kg.data.events.forEach(e => { if (e.dated && e.d0 !== null && e.d1 === e.d0) per.set(e.d0, (per.get(e.d0) || 0) + 1); });
  let best = null, bestN = -1;
  per.forEach((_, d) => { let n = 0; for (let k = d; k < d + 7; k++) n += per.get(k) || 0;
    if (n > bestN || (n === bestN && d < best)) { best = d; bestN = n; } });
  return [best, best + 6];
}"""


#: the network screenshot shows these event types (all of them at once are too many links to read)
NETWORK_TYPES = ("ASSAULT", "AID", "SANCTION", "THREATEN", "MOBILIZE", "COERCE")


def open_ready(context, path: Path):
    page = context.new_page()
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(path.resolve().as_uri())
    deadline = time.monotonic() + 60
    while not page.evaluate("window.kg && window.kg.ready === true"):
        if time.monotonic() > deadline:
            raise SystemExit(f"{path}: the page did not become ready")
        page.wait_for_timeout(100)
    return page


def shoot_network(context, path: Path, docs: Path) -> None:
    page = open_ready(context, path)
    page.evaluate(f"kg.setFilter({{rtypes: [], types: {list(NETWORK_TYPES)}, maxNodes: 25}})")
    page.wait_for_timeout(800)
    page.screenshot(path=str(docs / "network.png"))
    link = page.evaluate("""() => { let best = null;
        kg.data.network.edges.forEach(e => { if (e.kind === 'event' && (!best || e.refs.length > best.refs.length)) best = e; });
        return best.id; }""")
    page.evaluate(f"kg.select('link', {link}, 'docs')")
    page.wait_for_timeout(300)
    page.screenshot(path=str(docs / "evidence.png"))
    page.close()


def shoot_timeline(context, path: Path, docs: Path) -> None:
    page = open_ready(context, path)
    week = page.evaluate(BUSIEST_WEEK)
    page.evaluate(f"kg.setFilter({{from: {week[0]}, to: {week[1]}, hideUndated: true}})")
    page.evaluate(
        f"kgTimeline.timeline.setWindow(kg.fmtDay({week[0]} - 1), kg.fmtDay({week[1] + 2}), {{animation: false}})"
    )
    page.wait_for_timeout(800)
    page.screenshot(path=str(docs / "timeline.png"))
    page.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True, type=Path, help="a store built from a corpus")
    args = ap.parse_args(argv)
    from kg.api import write_network, write_timeline

    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        network = write_network(Path(tmp) / "network.html", store=args.store)
        timeline = write_timeline(Path(tmp) / "timeline.html", store=args.store)
        with browser.launch(Path(tmp) / "profile") as context:
            shoot_network(context, network, docs)
            shoot_timeline(context, timeline, docs)
    print("wrote docs/network.png docs/evidence.png docs/timeline.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
