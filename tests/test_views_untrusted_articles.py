"""End to end: an article whose title, names and text carry script payloads goes through the whole
pipeline (read, extract, RDF, store, SPARQL, views) and nothing executes in a real browser."""

from __future__ import annotations

import os
import time

import browser as B
import pytest

reason = B.missing_reason()
if reason and os.environ.get("CI"):
    raise RuntimeError(f"browser tests must run in CI: {reason}")
pytestmark = [pytest.mark.browser, pytest.mark.skipif(reason is not None, reason=reason or "")]

PAYLOAD_TITLE = 'Talks <script>window.__xss=1</script> "</script><script>window.__xss=1</script>'
PAYLOAD_TEXT = (
    'Russia attacked Kharkiv on Monday, according to <img src=x onerror="window.__xss=1"> News. '
    'Olena <b onmouseover="window.__xss=1">Petrenko</b> said Ukraine would send 500 troops to Moldova. '
    "The Wall Street Journal reported that javascript:window.__xss=1 Poland deployed troops to Lithuania "
    "</script><script>window.__xss=1</script>."
)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    from kg.api import write_network, write_timeline
    from kg.graph.store import Store
    from kg.pipeline import build

    root = tmp_path_factory.mktemp("hostile")
    article = root / "hostile.md"
    article.write_text(
        f"---\ntitle: {PAYLOAD_TITLE}\ndate: 2024-03-04\nsource: <svg onload=window.__xss=1>\n"
        f"url: javascript:window.__xss=1\n---\n"
        f"{PAYLOAD_TEXT}\n",
        encoding="utf-8",
    )
    store = Store(root / "store")
    build([article], store=store)
    assert store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].toPython() > 50
    return [write_network(root / "network.html", store=store), write_timeline(root / "timeline.html", store=store)]


def test_hostile_article_is_inert_in_every_view(pages, tmp_path):
    with B.launch(tmp_path / "profile") as context:
        for path in pages:
            page = context.new_page()
            errors, requests = [], []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
            page.on("request", lambda r, requests=requests: requests.append(r.url))
            page.goto(path.as_uri())
            deadline = time.monotonic() + 15
            while not page.evaluate("window.kg && window.kg.ready === true"):
                assert time.monotonic() < deadline, "page did not become ready"
                page.wait_for_timeout(50)
            n_events, n_entities = page.evaluate("[kg.data.events.length, kg.data.entities.length]")
            assert n_events > 0 and n_entities > 0
            for kind, n in (("event", n_events), ("entity", n_entities)):
                for i in range(n):
                    page.evaluate(f"kg.select('{kind}', {i}, 'test')")
            page.evaluate("kg.select('event', 0, 'test')")
            assert "<script>window.__xss=1</script>" in page.locator("#kg-panel").inner_text()
            # the article's javascript: URL is text, not a link
            assert "javascript:window.__xss=1 (not an http(s) link)" in page.locator("#kg-panel").inner_text()
            assert page.locator("a[href]").count() == 0
            assert page.evaluate("typeof window.__xss") == "undefined"
            assert page.locator("img, svg[onload], b[onmouseover]").count() == 0
            assert [u for u in requests if u != path.as_uri()] == []
            assert errors == []
            page.close()
