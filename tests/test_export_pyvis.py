"""`KnowledgeGraph.to_pyvis()`: the network view's model as a pyvis Network whose HTML opens offline, in one file,
with hostile article text (and hostile titles a user adds, "href" and all) shown as text, in Chromium."""

from __future__ import annotations

import os
import time

import browser as B
import pytest
from pyvis.network import Network

PAYLOAD_TITLE = 'Talks <script>window.__xss=1</script> "</script><script>window.__xss=1</script>'
PAYLOAD_TEXT = (
    'Russia attacked Kharkiv on Monday, according to <img src=x onerror="window.__xss=1"> News. '
    'Olena <b onmouseover="window.__xss=1">Petrenko</b> said Ukraine would send 500 troops to Moldova. '
    'Poland deployed troops to Lithuania, <a href="javascript:window.__xss=1">officials</a> said.'
)
HOSTILE_TITLE = '<a href="javascript:window.__xss=1">click</a><img src=x onerror="window.__xss=1">'


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory, extractor):
    from kg.graph.store import Store
    from kg.pipeline import build

    root = tmp_path_factory.mktemp("pyvis")
    article = root / "hostile.md"
    article.write_text(
        f"---\ntitle: {PAYLOAD_TITLE}\ndate: 2024-03-04\nsource: <svg onload=window.__xss=1>\n---\n{PAYLOAD_TEXT}\n",
        encoding="utf-8",
    )
    store = Store(root / "store")
    build([article], store=store, extractor=extractor)
    return store


def test_to_pyvis_is_the_network_view_of_the_same_model(seed_store):
    from kg.api import KnowledgeGraph
    from kg.views.model import view_model
    from kg.views.network import network_payload

    net = KnowledgeGraph(seed_store).to_pyvis()
    assert isinstance(net, Network)
    expected = network_payload(view_model(seed_store))["network"]
    # as the view draws it: the entities with no link (The Wall Street Journal...) only when asked for
    assert [n["id"] for n in net.nodes] == [n["id"] for n in expected["nodes"] if n["degree"]]
    everyone = KnowledgeGraph(seed_store).to_pyvis(isolates=True)
    assert [n["id"] for n in everyone.nodes] == [n["id"] for n in expected["nodes"]] != [n["id"] for n in net.nodes]
    lonely = next(n["label"] for n in expected["nodes"] if not n["degree"])
    assert KnowledgeGraph(seed_store).to_pyvis(entity=lonely, isolates=False).nodes == []  # none linked
    assert [(e["from"], e["to"], e["title"]) for e in net.edges] == [
        (e["from"], e["to"], e["title"]) for e in expected["edges"]
    ]
    assert all(isinstance(n["title"], str) for n in net.nodes)
    assert len(KnowledgeGraph(seed_store).to_pyvis(top=3).nodes) == 3


def test_to_pyvis_filters_as_export_does(seed_store):
    from kg.api import KnowledgeGraph

    graph = KnowledgeGraph(seed_store)
    everything, moves = graph.to_pyvis(), graph.to_pyvis(type="MOBILIZE")
    assert 0 < len(moves.edges) < len(everything.edges)
    assert all(e["label"].lstrip("\u2715 ").startswith("MOBILIZE") for e in moves.edges)
    assert [e["label"] for e in graph.to_pyvis(modality="negated").edges] == ["\u2715 MOBILIZE"]
    russia = graph.to_pyvis(entity="russia")
    assert 0 < len(russia.nodes) < len(everything.nodes)


def test_to_pyvis_takes_an_entity_as_every_query_does(seed_store):
    import pyoxigraph as ox

    from kg.api import KnowledgeGraph
    from kg.derive.entities import UnknownEntity, find_in_store

    graph = KnowledgeGraph(seed_store)
    iri = str(find_in_store(seed_store, "Russia"))
    by_name = [n["label"] for n in graph.to_pyvis(entity="RUSSIA").nodes]
    assert "Russia" in by_name and [n["label"] for n in graph.to_pyvis(entity=ox.NamedNode(iri)).nodes] == by_name
    with pytest.raises(UnknownEntity, match="did you mean 'Russia'"):
        graph.to_pyvis(entity="Rusia")
    cited = graph.to_pyvis(entity="The Wall Street Journal", isolates=True)  # a source, as kg export keeps it
    assert 0 < len(cited.nodes) < len(graph.to_pyvis(isolates=True).nodes)


def test_written_page_is_one_file_loading_nothing(hostile_store, tmp_path, monkeypatch):
    from kg.api import to_pyvis

    monkeypatch.chdir(tmp_path)
    net = to_pyvis(store=hostile_store)
    net.show_buttons(filter_=["physics"])
    net.write_html("graph.html")
    assert os.listdir(tmp_path) == ["graph.html"]  # pyvis's "local" mode would add lib/
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<script src" not in html and "<link" not in html and "cdnjs" not in html and "jsdelivr" not in html
    assert "<script>window.__xss" not in html and "<img src=x" not in html


reason = B.missing_reason()
if reason and os.environ.get("CI"):
    raise RuntimeError(f"browser tests must run in CI: {reason}")


@pytest.mark.browser
@pytest.mark.skipif(reason is not None, reason=reason or "")
@pytest.mark.parametrize("bypass_csp", [False, True])
def test_pyvis_page_opens_offline_with_hostile_text_inert(hostile_store, tmp_path, bypass_csp):
    from kg.api import to_pyvis

    net = to_pyvis(store=hostile_store)
    assert net.nodes and net.edges
    net.heading = "Heading " + HOSTILE_TITLE
    net.add_node("user-node", label="user " + HOSTILE_TITLE, title="hover " + HOSTILE_TITLE)
    net.add_edge("user-node", net.nodes[0]["id"], title=HOSTILE_TITLE)
    net.show_buttons(filter_=["physics"])
    path = tmp_path / "graph.html"
    net.write_html(str(path))
    with B.launch(tmp_path / "profile", bypass_csp=bypass_csp) as context:
        page = context.new_page()
        errors, requests = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.as_uri())
        deadline = time.monotonic() + 20
        while not page.evaluate("window.kgPyvis && window.kgPyvis.ready === true"):
            assert time.monotonic() < deadline, "the network was not drawn"
            page.wait_for_timeout(50)
        assert page.evaluate("kgPyvis.nodes.length") == len(net.nodes)
        assert page.evaluate("kgPyvis.edges.length") == len(net.edges)
        assert page.locator("#kg-pyvis canvas").count() == 1
        assert page.locator("#kg-pyvis-config .vis-configuration").count() > 0  # show_buttons works
        page.evaluate("kgPyvis.network.setOptions({physics: false}); kgPyvis.network.fit()")
        point = page.evaluate(
            "(() => { const p = kgPyvis.network.getPosition('user-node'); return kgPyvis.network.canvasToDOM(p); })()"
        )
        box = page.locator("#kg-pyvis").bounding_box()
        page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        tooltip = page.locator(".vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5000)
        assert tooltip.inner_text() == "hover " + HOSTILE_TITLE
        assert tooltip.locator("*").count() == 0  # the title is text: no element was made of it
        assert HOSTILE_TITLE in page.locator("#kg-title").inner_text()
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert page.locator("img, svg[onload], a[href], b[onmouseover]").count() == 0
        assert [u for u in requests if u != path.as_uri()] == []
        assert errors == []
