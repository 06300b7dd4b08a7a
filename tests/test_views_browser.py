"""The HTML views in a real headless Chromium (Debian's, driven by Playwright from PyPI).

Skipped when Chromium or playwright is missing — except under CI (env CI set), where
that is a failure.  Install: ``apt-get install -y chromium`` and ``pip install playwright``
(never ``playwright install``: it downloads a browser).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

try:
    from tests import browser as B
except ImportError:  # tests/ is not a package
    import browser as B

pytestmark = pytest.mark.browser

B.require_browser()

from kg.views.combined import combined_html  # noqa: E402
from kg.views.network import network_html  # noqa: E402
from kg.views.page import write_html  # noqa: E402
from kg.views.timeline import timeline_html  # noqa: E402

SHOTS = Path(os.environ.get("KG_SCREENSHOTS", "")) if os.environ.get("KG_SCREENSHOTS") else None


@pytest.fixture(scope="module")
def pages_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("pages")
    ex, xss = B.example_model(), B.xss_model()
    write_html(d / "network.html", network_html(ex))
    write_html(d / "timeline.html", timeline_html(ex))
    write_html(d / "combined.html", combined_html(ex))
    write_html(d / "xss_network.html", network_html(xss))
    write_html(d / "xss_timeline.html", timeline_html(xss))
    write_html(d / "xss_combined.html", combined_html(xss))
    write_html(d / "big.html", network_html(B.big_model(400, 600)))
    write_html(d / "merged.html", network_html(B.merged_model()))
    write_html(d / "big_timeline.html", timeline_html(B.big_model(200, 600)))
    write_html(d / "crowded_timeline.html", timeline_html(crowded_model()))
    return d


def crowded_model() -> dict:
    """300 events of 10 actors on five days: each lane's items overlap, and vis-timeline clusters them."""
    model = B.big_model(10, 300)
    for k, ev in enumerate(model["events"]):
        day = f"2022-03-{1 + k % 5:02d}"
        ev["time"] = {"text": day, "start": day, "end": None}
        ev["published"] = ev["claims"][0]["date"] = day
    return model


@pytest.fixture(scope="module")
def playwright_session():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


def _context(playwright_session, tmp_path_factory, bypass_csp: bool):
    ctx = B.new_context(playwright_session, tmp_path_factory.mktemp("chromium-profile"), bypass_csp=bypass_csp)
    ctx.set_default_timeout(5000)
    return ctx


@pytest.fixture(scope="module")
def context(playwright_session, tmp_path_factory):
    ctx = _context(playwright_session, tmp_path_factory, False)
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def context_without_csp(playwright_session, tmp_path_factory):
    ctx = _context(playwright_session, tmp_path_factory, True)
    yield ctx
    ctx.close()


class Opened:
    def __init__(self, page, url: str) -> None:
        self.page, self.url = page, url
        self.errors: list[str] = []
        self.requests: list[str] = []


@pytest.fixture
def open_page(request, pages_dir, tmp_path):
    opened: list[Opened] = []

    def _open(name: str, *, csp: bool = True) -> Opened:
        ctx = request.getfixturevalue("context" if csp else "context_without_csp")
        page = ctx.new_page()
        url = (pages_dir / f"{name}.html").as_uri()
        o = Opened(page, url)
        page.on(
            "console",
            lambda m: o.errors.append(f"console.{m.type}: {m.text}") if m.type in ("error", "assert") else None,
        )
        page.on("pageerror", lambda e: o.errors.append(f"pageerror: {e}"))
        page.on("request", lambda r: o.requests.append(r.url))
        page.goto(url)
        wait_until(page, "window.kg && window.kg.ready === true", timeout=15)
        opened.append(o)
        return o

    yield _open
    for o in opened:
        shot = (SHOTS or tmp_path) / f"{Path(o.url).stem}-{len(opened)}.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        o.page.screenshot(path=str(shot))
        o.page.close()
        # the page itself is the only request (data: images are not requests)
        assert [u for u in o.requests if u.split("#")[0] != o.url and not u.startswith(("data:", "blob:"))] == []
        assert o.errors == []


def wait_until(page, expression: str, timeout: float = 5.0) -> None:
    """Poll a JS expression with page.evaluate (CDP evaluation is not subject to the page's CSP,
    unlike Playwright's wait_for_function, whose string predicates need 'unsafe-eval')."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        page.wait_for_timeout(50)


def stats(page) -> str:
    return page.text_content("#kg-stats") or ""


# vis-timeline also gives a box's line and dot the class vis-item
ITEM = ".vis-item.vis-box, .vis-item.vis-range, .vis-item.vis-point"


def item(cls: str) -> str:
    return ", ".join(f"{x}.{cls}" for x in ITEM.split(", "))


def only_modality(page, keep: str) -> None:
    """Use the real checkboxes of the filter bar."""
    for box in page.query_selector_all('input[data-filter="modalities"]'):
        if box.get_attribute("value") != keep and box.is_checked():
            box.uncheck()


# ---------------------------------------------------------------- network


def test_network_renders_filters_and_shows_evidence(open_page):
    o = open_page("network")
    page = o.page
    assert page.evaluate("kg.data.network.nodes.length") == 8
    assert page.evaluate("kgNetwork.nodes.length") == 7  # an entity with no link is drawn only when asked for
    assert page.evaluate("kgNetwork.edges.length") == 9
    assert page.evaluate("kgNetwork.visibleEdges()") == 9
    assert page.query_selector("#kg-network canvas") is not None
    # The Wall Street Journal takes part in no event: an isolate, hidden by default and said so
    assert "7/8 entities, 9/9 links" in stats(page)
    assert "1 entities without a visible link hidden" in page.locator("#kg-legend").inner_text()
    page.check("#kg-unlinked")
    assert page.evaluate("kgNetwork.visibleNodes()") == 8
    assert page.evaluate("kgNetwork.nodes.get(kg.findEntity('https://kg.example/e/wsj')).hidden") is False
    page.uncheck("#kg-unlinked")
    assert page.locator("#kg-legend").inner_text().count("(") >= 6
    # Putin's statement has no counterpart: it is counted on his node
    putin = page.evaluate("kg.findEntity('https://kg.example/e/putin')")
    assert page.evaluate("kgNetwork.badges()") == {str(putin): 1}
    assert "8 events shown" in stats(page)

    only_modality(page, "planned")
    assert page.evaluate("kgNetwork.visibleEdges()") == 2
    assert "2/9 links" in stats(page)
    page.check('input[data-filter="modalities"][value="asserted"]')
    assert page.evaluate("kgNetwork.visibleEdges()") == 6

    # search box (debounced) narrows to Kherson and its links
    page.fill("#kg-q", "kherson")
    wait_until(page, "kg.state.q === 'kherson'")
    # Kherson, Wagner (MOBILIZE there), Russia and Ukraine (ATTACK located there)
    assert page.evaluate("kgNetwork.visibleNodes()") == 4
    page.fill("#kg-q", "")
    wait_until(page, "kg.state.q === ''")
    assert page.evaluate("kgNetwork.visibleNodes()") == 6  # Putin: only his "possible" link, filtered out

    # a real click on a node opens its panel: its events with date, role and counterpart
    xy = page.evaluate("""() => { const n = kgNetwork.network; const i = kg.findEntity('https://kg.example/e/russia');
        const p = n.getPositions([i])[i]; const d = n.canvasToDOM(p);
        const r = document.querySelector('#kg-network canvas').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; }""")
    panel = page.locator("#kg-panel")
    page.mouse.click(xy[0], xy[1])
    assert "Russia" in panel.inner_text()
    assert "https://kg.example/e/russia" in panel.inner_text()
    rows = page.locator("#kg-panel table.kg-events tr").all_inner_texts()
    assert any(r.split("\t")[:4] == ["2022-10-10", "actor", "Ukraine", "ATTACK"] for r in rows), rows
    assert any(
        r.split("\t")[:4] == ["2022-12-01", "actor", "Belarus", "MOBILIZE (planned) [disputed]"] for r in rows
    ), rows

    # source/outlet and entity-type filters
    page.select_option("#kg-source", "o:TASS")
    assert page.evaluate("kgNetwork.visibleEdges()") == 2  # MOBILIZE (one TASS claim) and the raid
    page.select_option("#kg-source", "")
    page.uncheck('input[data-filter="etypes"][value="Country"]')
    assert page.evaluate("kgNetwork.visibleEdges()") == 1  # Wagner -> Kherson (Putin -> NATO is 'possible')
    assert page.evaluate("kgNetwork.visibleNodes()") == 2
    page.check('input[data-filter="etypes"][value="Country"]')

    # an event with an actor but no recipient or location has no edge but is in the actor's panel
    page.evaluate("kg.select('entity', kg.findEntity('https://kg.example/e/putin'), 'test')")
    assert "STATEMENT" in panel.inner_text()
    page.evaluate("kg.select('entity', kg.findEntity('https://kg.example/e/russia'), 'test')")

    # neighbourhood of the selected node
    page.click('#kg-filters fieldset:has(input[data-filter="modalities"]) button:text("all")')
    page.check("#kg-neigh")
    assert page.evaluate("kgNetwork.visibleNodes()") == 4  # Russia, Belarus, Ukraine, Wagner
    page.uncheck("#kg-neigh")

    # selecting an edge's event shows the evidence of both claims
    page.evaluate("kg.select('event', kg.findEvent('https://kg.example/ev/1'), 'test')")
    text = panel.inner_text()
    assert "disputed" in text and "2 articles" in text
    assert "The Wall Street Journal \u2192 anonymous European diplomat" in text
    assert "Russian troops have been deployed to Belarus" in text
    assert "0.70" in text and "2022-10-05" in text and "Reuters" in text
    assert page.evaluate("kgNetwork.network.getSelectedEdges()") == page.evaluate(
        "kgNetwork.edgesForEvent(kg.findEvent('https://kg.example/ev/1'))"
    )


def test_network_merges_links_and_lists_every_report(open_page):
    o = open_page("merged")
    page = o.page
    links = page.evaluate(
        "kg.data.network.edges.filter(e => e.type === 'ATTACK' && e.modality === 'asserted' &&"
        " kg.data.entities[e.from].label === 'Russia' && kg.data.entities[e.to].label === 'Ukraine')"
    )
    assert len(links) == 1 and len(links[0]["refs"]) == 4
    page.evaluate(f"kg.select('link', {links[0]['id']}, 'test')")
    panel = page.locator("#kg-panel").inner_text()
    assert "Russia \u2192 Ukraine: ATTACK (asserted)" in panel
    assert "4 of 4 events pass the filters" in panel
    for k in (2, 3, 4):
        assert f"attack {k}" in panel
    assert "Russian missiles struck Kherson on Monday." in panel
    # article URLs are links that open in a new tab, without giving the page a handle on the opener
    link = page.locator("#kg-panel a.kg-url", has_text="https://news.example/x2")
    assert link.get_attribute("href") == "https://news.example/x2"
    assert link.get_attribute("target") == "_blank" and link.get_attribute("rel") == "noopener noreferrer"
    # the width follows the events that pass the filters
    wide = page.evaluate(f"kgNetwork.edges.get({links[0]['id']}).width")
    page.fill("#kg-q", "struck")
    wait_until(page, f"kgNetwork.edges.get({links[0]['id']}).width < {wide}")
    assert "ATTACK" == page.evaluate(f"kgNetwork.edges.get({links[0]['id']}).label")
    page.fill("#kg-q", "")
    wait_until(page, f"kgNetwork.edges.get({links[0]['id']}).label === 'ATTACK \u00d74'")
    # collapse / expand communities
    n = page.evaluate("Object.keys(kgNetwork.network.body.nodes).length")
    page.click("#kg-collapse")
    assert (
        page.evaluate("Object.keys(kgNetwork.network.body.nodes).filter(id => kgNetwork.network.isCluster(id)).length")
        >= 1
    )
    page.click("#kg-expand")
    assert (
        page.evaluate("Object.keys(kgNetwork.network.body.nodes).filter(id => kgNetwork.network.isCluster(id)).length")
        == 0
    )
    assert page.evaluate("Object.keys(kgNetwork.network.body.nodes).length") >= n
    # the best-connected only
    page.fill("#kg-maxnodes", "3")
    page.dispatch_event("#kg-maxnodes", "change")
    assert page.evaluate("kgNetwork.visibleNodes()") <= 3
    assert "less connected entities not shown" in page.locator("#kg-legend").inner_text()


def test_export_png_csv_and_view_state_in_the_address(open_page):
    o = open_page("merged")
    page = o.page
    with page.expect_download() as png:
        page.click("#kg-png")
    assert png.value.suggested_filename == "kg-network.png"
    assert open(png.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    only_modality(page, "possible")
    with page.expect_download() as csv_download:
        page.click("#kg-csv")
    import csv

    rows = list(csv.DictReader(open(csv_download.value.path(), encoding="utf-8", newline="")))
    assert rows and {r["modality"] for r in rows} == {"possible"}
    assert {r["evidence"] for r in rows} >= {"attack 0", "attack 1"}
    assert all(r["event"].startswith("https://kg.example/ev/") for r in rows)
    # article text that a spreadsheet would run as a formula is written as text
    page.evaluate("kg.data.events.find(e => e.modality === 'possible').claims[0].evidence = '=HYPERLINK(\"x\")'")
    assert '\'=HYPERLINK(""x"")' in page.evaluate("kg.csv()")
    # the state is in the fragment; opening that address restores it
    page.evaluate("kg.select('entity', kg.findEntity('https://kg.example/e/nato'), 'test')")
    url = page.url
    assert "#" in url and "no-modalities" in url and "sel=entity" in url
    again = o.page.context.new_page()
    again.goto(url)
    wait_until(again, "window.kg && window.kg.ready === true")
    assert again.evaluate("Array.from(kg.state.modalities)") == ["possible"]
    assert "NATO" in again.locator("#kg-panel h2").inner_text()
    assert not again.is_checked('input[data-filter="modalities"][value="asserted"]')
    again.close()


def test_large_network_shows_the_best_connected_laid_out_and_fitted(open_page):
    o = open_page("big")
    page = o.page
    assert page.evaluate("kg.data.network.nodes.length") == 400
    assert page.evaluate("kgNetwork.visibleNodes()") <= page.evaluate("kg.data.network.maxNodes")
    # the visible nodes fill the view
    box = page.evaluate("""() => { const n = kgNetwork.network, ids = kgNetwork.nodes.getIds({filter: x => !x.hidden});
        const p = n.getPositions(ids), xs = ids.map(i => n.canvasToDOM(p[i]).x), ys = ids.map(i => n.canvasToDOM(p[i]).y);
        const r = document.querySelector('#kg-network canvas').getBoundingClientRect();
        return [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys), r.width, r.height]; }""")
    assert box[1] - box[0] > 0.5 * box[4] or box[3] - box[2] > 0.5 * box[5]


# ---------------------------------------------------------------- timeline


def test_timeline_renders_filters_switches_lanes_and_shows_evidence(open_page):
    o = open_page("timeline")
    page = o.page
    assert page.evaluate("kgTimeline.items().length") == 7
    assert page.evaluate("kgTimeline.visibleItems()") == 7
    # it opens on the publication dates (with a week either side), not on the event times' extremes
    start, end = page.evaluate(
        "[kgTimeline.timeline.getWindow().start.toISOString().slice(0, 10),"
        " kgTimeline.timeline.getWindow().end.toISOString().slice(0, 10)]"
    )
    assert (start, end) == ("2022-09-28", "2022-12-09")
    page.evaluate("kgTimeline.timeline.fit({animation: false})")
    page.wait_for_selector(ITEM)
    wait_until(page, f"document.querySelectorAll('{ITEM}').length === 7")
    # who did what to whom, on the item itself
    assert page.locator(".vis-item", has_text="Russia \u2192 Ukraine: ATTACK").count() == 1
    assert page.locator(".vis-item", has_text="Putin \u2192 NATO: NEGOTIATE (possible)").count() == 1
    # the undated report sits in its actor's lane, hatched and marked
    undated = page.locator(item("kg-undated"))
    assert undated.count() == 1 and undated.inner_text().startswith("undated \u00b7 Wagner Group \u2192 Kherson")
    assert page.locator(item("kg-mod-planned")).count() == 2
    assert page.locator(item("kg-mod-negated")).count() == 1
    assert page.locator(".vis-item.vis-range").count() == 2
    labels = page.locator(".vis-labelset .vis-label").all_inner_texts()
    assert "Russia" in labels and "Wagner Group" in labels
    assert "Vladimir Putin: STATEMENT" in page.locator("#kg-nodate").inner_text()

    only_modality(page, "planned")
    assert page.evaluate("kgTimeline.visibleItems()") == 2
    wait_until(page, f"document.querySelectorAll('{ITEM}').length === 2")
    page.click('#kg-filters fieldset:has(input[data-filter="modalities"]) button:text("all")')
    assert page.evaluate("kgTimeline.visibleItems()") == 7

    page.check("#kg-hide-undated")
    assert page.evaluate("kgTimeline.visibleItems()") == 6
    page.uncheck("#kg-hide-undated")

    # date inputs: from 1 November 2022; then one week
    page.fill("#kg-from", "2022-11-01")
    assert page.evaluate("kgTimeline.visibleItems()") == 5  # drops 2022-10-10 and the undated 2022-10-20
    page.fill("#kg-from", "2022-10-09")
    page.fill("#kg-to", "2022-10-15")
    assert page.evaluate("kgTimeline.visibleItems()") == 2  # 2022-10-10, and the raid of "2022"
    assert "2022-10-09 \u2013 2022-10-15 (7 days)" in page.locator(".kg-brush-info").inner_text()
    page.click("text=all dates")
    assert page.evaluate("kgTimeline.visibleItems()") == 7

    # the histogram brush: drag over a week's width
    box = page.locator("#kg-brush").bounding_box()
    lo, hi = page.evaluate("[kg.data.facets.denseFrom, kg.data.facets.denseTo + 1]")
    per_day = box["width"] / (hi - lo)
    x0 = box["x"] + (page.evaluate("kg.parseDay('2022-11-14')") - lo + 0.5) * per_day
    page.mouse.move(x0, box["y"] + 20)
    page.mouse.down()
    page.mouse.move(x0 + 3 * per_day, box["y"] + 20)
    page.mouse.move(x0 + 6 * per_day, box["y"] + 20)
    page.mouse.up()
    assert page.evaluate("[kg.fmtDay(kg.state.from), kg.fmtDay(kg.state.to)]") == ["2022-11-14", "2022-11-20"]
    assert page.input_value("#kg-from") == "2022-11-14" and page.input_value("#kg-to") == "2022-11-20"
    page.click("text=all dates")

    page.select_option("#kg-lanes", "source")
    wait_until(page, "kgTimeline.lanes() === 'source'")
    wait_until(
        page, "Array.from(document.querySelectorAll('.vis-labelset .vis-label')).some(x => x.textContent === 'TASS')"
    )
    labels = page.evaluate("Array.from(document.querySelectorAll('.vis-labelset .vis-label')).map(x => x.textContent)")
    assert "The Wall Street Journal" in labels and "TASS" in labels
    assert page.evaluate("kgTimeline.items().length") == 9  # events 1 and 6 are in two source lanes each

    page.locator(".vis-item", has_text="Russia \u2192 Ukraine: ATTACK").first.click()
    panel = page.locator("#kg-panel").inner_text()
    assert "Russian missiles struck Kherson on Monday." in panel
    assert "Event time" in panel and "2022-10-10" in panel and "Published" in panel and "2022-10-11" in panel


def test_many_lanes_share_one_other_lane(open_page):
    o = open_page("big_timeline")
    page = o.page
    assert page.evaluate("kgTimeline.groups().get('rest').kgLabel").startswith("other actors (")
    assert page.evaluate("kgTimeline.groups().length") == 41
    # every event keeps an item
    assert page.evaluate("kgTimeline.items().length") == 600


def test_lanes_hidden_by_a_filter_come_back_with_their_clusters(open_page):
    # vis-timeline keeps the clusters of a lane it hid and fails to redraw them when the lane is shown again
    # ("Cannot redraw item: no parent attached"): the page has them made afresh; the fixture checks the console
    o = open_page("crowded_timeline")
    page = o.page
    wait_until(page, "document.querySelectorAll('.kg-cluster').length > 0")
    for label in ("none", "all", "none", "all"):
        page.click(f'#kg-filters fieldset:has(input[data-filter="modalities"]) button:text("{label}")')
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
    assert page.evaluate("kgTimeline.visibleItems()") == 300
    wait_until(page, "document.querySelectorAll('.kg-cluster').length > 0")
    assert o.errors == []


# ---------------------------------------------------------------- combined


def test_combined_linked_selection(open_page):
    o = open_page("combined")
    page = o.page
    ev = page.evaluate("kg.findEvent('https://kg.example/ev/6')")
    page.evaluate(f"kg.select('event', {ev}, 'network')")
    assert page.evaluate("kgTimeline.timeline.getSelection()") == [f"i{ev}_0"]
    page.evaluate("kgTimeline.timeline.fit({animation: false})")  # the selection focused on ev/6
    page.locator(".vis-item", has_text="Russia \u2192 Ukraine: ATTACK").first.click()
    ev2 = page.evaluate("kg.findEvent('https://kg.example/ev/2')")
    assert page.evaluate("kgNetwork.network.getSelectedEdges()") == page.evaluate(f"kgNetwork.edgesForEvent({ev2})")
    # a link selects its events on the timeline; a relation's link selects none
    link = page.evaluate(f"kg.data.network.edges.find(e => e.kind === 'event' && e.refs.includes({ev2})).id")
    page.evaluate(f"kg.select('link', {link}, 'network')")
    assert page.evaluate("kgTimeline.timeline.getSelection()") == [f"i{ev2}_0"]
    rel = page.evaluate("kg.data.network.edges.find(e => e.kind === 'relation').id")
    page.evaluate(f"kg.select('link', {rel}, 'network')")
    assert page.evaluate("kgTimeline.timeline.getSelection()") == []
    # a modality filter applies to both views
    only_modality(page, "planned")
    assert page.evaluate("[kgNetwork.visibleEdges(), kgTimeline.visibleItems()]") == [2, 2]


# ---------------------------------------------------------------- hostile text


@pytest.mark.parametrize("csp", [True, False], ids=["csp", "csp-bypassed"])
@pytest.mark.parametrize("name", ["xss_network", "xss_timeline", "xss_combined"])
def test_hostile_model_is_inert(open_page, name, csp):
    o = open_page(name, csp=csp)
    page = o.page
    assert page.title() == B.xss_model()["title"]
    assert B.XSS_PAYLOADS[1] in page.locator("#kg-title").inner_text()
    n_ev, n_ent, n_rel = page.evaluate("[kg.data.events.length, kg.data.entities.length, kg.data.relations.length]")
    for kind, n in (("event", n_ev), ("entity", n_ent), ("relation", n_rel)):
        for i in range(n):
            page.evaluate(f"kg.select('{kind}', {i}, 'test')")
            text = page.locator("#kg-panel").inner_text()
            if kind != "entity":
                assert "Evidence " + B.XSS_PAYLOADS[0] in text
                assert "Outlet " + B.XSS_PAYLOADS[0] in text
                assert B.XSS_PAYLOADS[1] + " \u2192 " + B.XSS_PAYLOADS[3] in text
                # a javascript: URL is shown as text, never as a link
                assert B.XSS_PAYLOADS[3] + " (not an http(s) link)" in text
                assert page.locator("#kg-panel a").count() == 0
            else:
                assert B.XSS_PAYLOADS[2] in text
    if name != "xss_network":
        page.locator(".vis-item").first.click()
        assert B.XSS_PAYLOADS[2] in page.locator("#kg-panel").inner_text()
        assert (
            B.XSS_PAYLOADS[1] in page.locator(".vis-labelset").inner_text()
            or B.XSS_PAYLOADS[0] in page.locator(".vis-labelset").inner_text()
        )
    if name != "xss_timeline":
        # hover a node: the tooltip shows the label as text
        xy = page.evaluate("""() => { const n = kgNetwork.network; const p = n.getPositions([0])[0];
            const d = n.canvasToDOM(p); const r = document.querySelector('#kg-network canvas').getBoundingClientRect();
            return [r.left + d.x, r.top + d.y]; }""")
        page.mouse.move(xy[0], xy[1])
        page.wait_for_selector("div.vis-tooltip", state="visible", timeout=3000)
        assert B.XSS_PAYLOADS[1] in page.locator("div.vis-tooltip").inner_text()
    # filter options and legend are text too
    assert page.locator("img").count() == 0
    assert page.locator("#kg-panel script, #kg-filters script, #kg-timeline script").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"


# ---------------------------------------------------------------- issue 14's "done when", on a small store


def test_done_when_check_runs_on_a_small_store(seed_store, playwright_session, tmp_path_factory):
    # the benchmark's own driver (benchmarks/views_browser.py), on the seed store: the labels it clicks exist,
    # each step returns, no console error; its times are for the benchmark on the corpus, not asserted here
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "views_browser", Path(__file__).parents[1] / "benchmarks" / "views_browser.py"
    )
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = tmp_path_factory.mktemp("done-when")
    network, timeline = bench.write_pages(seed_store, out)
    ctx = _context(playwright_session, tmp_path_factory, False)
    try:
        result = bench.measure(ctx, network, timeline, repeats=1)
    finally:
        ctx.close()
    assert result["errors"] == []
    assert sorted(result["times"]) == [
        "network ready",
        "network toggle all",
        "network toggle none",
        "timeline lanes",
        "timeline ready",
        "timeline toggle all",
        "timeline toggle none",
    ]
    assert len(result["times"]["timeline lanes"]) == 2
