"""``kg serve``'s query page in Chromium: Yasgui offline under the page's CSP, a typed query run to a
sortable table with CSV download, named queries one click away, ``/?query=`` links, updates refused."""

from __future__ import annotations

import urllib.parse

import pyoxigraph as ox
import pytest

try:
    from tests import browser as B
except ImportError:  # tests/ is not a package
    import browser as B

pytestmark = pytest.mark.browser

B.require_browser()

from kg.interfaces.serve import make_server  # noqa: E402
from kg.queries import named_queries  # noqa: E402

TYPES = "SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a ?type } GROUP BY ?type ORDER BY DESC(?n) ?type"


@pytest.fixture(scope="module")
def server(seed_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("served-page") / "store"
    copy = ox.Store(str(path))
    copy.extend(seed_store.quads())
    copy.flush()
    del copy
    with make_server(path, port=0, quiet=True, workers=1) as srv:
        srv.start()
        yield srv


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        ctx = B.new_context(p, tmp_path_factory.mktemp("chromium-profile"))
        ctx.set_default_timeout(20000)
        yield ctx
        ctx.close()


class Opened:
    """A page with what it asked the network for and what went wrong in it."""

    def __init__(self, context, url: str):
        self.requests, self.errors = [], []
        self.page = context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)
        self.page.wait_for_selector(".CodeMirror")

    def editor(self) -> str:
        return self.page.evaluate("() => window.kgYasgui.getTab().getYasqe().getValue()")

    def type_query(self, text: str) -> None:
        self.page.click(".CodeMirror")
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Delete")
        self.page.keyboard.insert_text(text)

    def run(self) -> None:
        self.page.click(".yasqe_queryButton")

    def sort_by_column(self, n: int, before: list[str]) -> list[str]:
        """Click column ``n``'s header and return the column once the table shows its new order (the page
        re-renders after the click returns)."""
        self.page.click(f".yasr table thead th:nth-child({n})")
        column = before
        for _ in range(50):
            column = [r[n - 1] for r in self.rows()]
            if column != before:
                break
            self.page.wait_for_timeout(100)
        return column

    def rows(self) -> list[list[str]]:
        self.page.wait_for_selector(".yasr table tbody tr td")
        return self.page.eval_on_selector_all(
            ".yasr table tbody tr",
            "rows => rows.map(r => [...r.querySelectorAll('td')].map(td => td.innerText.trim()))",
        )


def test_a_typed_query_runs_to_a_sortable_table_with_csv_download_offline(server, context, seed_store):
    opened = Opened(context, server.url)
    assert "PREFIX kg: <https://w3id.org/kgct/ontology#>" in opened.editor()  # kg's prefixes, ready
    opened.type_query(TYPES)
    opened.run()
    rows = opened.rows()
    expected = [(str(t), int(n)) for t, n in seed_store.query(TYPES)]
    assert len(rows) == len(expected) > 2
    assert [int(r[2].split('"')[1]) for r in rows] == [n for _, n in expected]  # the server's order
    server_order = [r[1] for r in rows]
    ascending = opened.sort_by_column(2, server_order)  # sort by type, ascending, then descending
    assert opened.sort_by_column(2, ascending) == ascending[::-1] != server_order
    assert sorted(ascending) == sorted(r[1] for r in rows)
    with opened.page.expect_download() as download:
        opened.page.click(".yasr_downloadIcon")
    lines = open(download.value.path(), encoding="utf-8").read().splitlines()
    assert lines[0] == '"type","n"' and len(lines) == len(expected) + 1
    assert f'"{expected[0][0]}","{expected[0][1]}"' in lines
    assert all(url.startswith((server.url, "data:", "blob:")) for url in opened.requests), opened.requests
    assert not [e for e in opened.errors if "Content Security Policy" in e], opened.errors


def test_named_queries_are_one_click_away(server, context):
    opened = Opened(context, server.url)
    buttons = opened.page.eval_on_selector_all(".kg-named-query", "bs => bs.map(b => b.textContent)")
    assert buttons == [q.name for q in named_queries()]
    query = next(q for q in named_queries() if not q.params)
    opened.page.click(f".kg-named-query >> text='{query.name}'")
    assert opened.editor() == query.sparql
    opened.run()
    assert opened.rows()


def test_a_query_link_opens_the_query_ready_to_run(server, context):
    opened = Opened(context, server.url + "?" + urllib.parse.urlencode({"query": TYPES}))
    assert opened.editor() == TYPES
    assert not opened.page.query_selector(".yasr table tbody tr td")  # not run until asked
    opened.run()
    assert len(opened.rows()) > 2


def test_an_update_typed_in_the_page_is_refused(server, context, seed_store):
    opened = Opened(context, server.url)
    opened.type_query("INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> <urn:x:c> } }")
    opened.run()
    opened.page.wait_for_selector(".yasr >> text=read-only")
    check = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:x:g> { ?s ?p ?o } }"
    opened.type_query(check)
    opened.run()
    assert opened.rows()[0][1].startswith('"0"')


def test_hostile_values_in_results_stay_text(server, context):
    opened = Opened(context, server.url)
    payload = B.XSS_TEXT.replace("\\", "\\\\").replace('"', '\\"')
    opened.type_query(f'SELECT ?x WHERE {{ BIND("{payload}" AS ?x) }}')
    opened.run()
    assert "<script>window.__xss=1</script>" in opened.rows()[0][1]
    opened.page.wait_for_timeout(300)
    assert opened.page.evaluate("() => window.__xss") is None


def test_typing_with_autocompletion_asks_nothing_of_other_sites(server, context):
    opened = Opened(context, server.url)
    opened.type_query("")
    opened.page.keyboard.type("PREFIX ge", delay=30)
    opened.page.keyboard.press("Control+Space")
    opened.page.keyboard.type("\nSELECT * WHERE { ?s a rdf", delay=30)
    opened.page.keyboard.press("Control+Space")
    opened.page.wait_for_timeout(1500)
    assert all(url.startswith((server.url, "data:", "blob:")) for url in opened.requests), opened.requests
    assert not [e for e in opened.errors if "Content Security Policy" in e or "Refused" in e], opened.errors
