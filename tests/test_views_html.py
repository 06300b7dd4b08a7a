"""Fast checks of the HTML views (no browser): self-containment, safe embedding, CSP,
determinism, `top`, large-graph layout and the view semantics in the payload."""

from __future__ import annotations

import base64
import copy
import datetime
import hashlib
import html.parser
import json
import os
import re

import pytest

from kg.views import page
from kg.views.combined import combined_html
from kg.views.network import network_html, network_payload
from kg.views.page import json_for_script, write_html
from kg.views.payload import parse_period
from kg.views.timeline import timeline_html, timeline_payload

try:
    from tests.browser import XSS_PAYLOADS, big_model, example_model, xss_model
except ImportError:  # tests/ is not a package
    from browser import XSS_PAYLOADS, big_model, example_model, xss_model

RENDERERS = {
    "network": network_html,
    "timeline": timeline_html,
    "combined": combined_html,
}


class _Doc(html.parser.HTMLParser):
    """Collects tags, attributes, script texts and the CSP of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self._buf: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "script":
            self._in_script, self._buf = a, []
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._buf)))
            self._in_script = None
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_script is not None:
            self._buf.append(data)
        if self._in_title:
            self.title += data

    @property
    def csp(self) -> str:
        for tag, a in self.tags:
            if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
                return a.get("content") or ""
        return ""

    def data(self) -> dict:
        texts = [t for a, t in self.scripts if a.get("type") == "application/json"]
        assert len(texts) == 1
        return json.loads(texts[0])


def parse(text: str) -> _Doc:
    d = _Doc()
    d.feed(text)
    d.close()
    return d


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {name: fn(example_model()) for name, fn in RENDERERS.items()}


@pytest.fixture(scope="module")
def xss_pages() -> dict[str, str]:
    return {name: fn(xss_model()) for name, fn in RENDERERS.items()}


# ---------------------------------------------------------------- self-contained


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_page_is_self_contained(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = RENDERERS[name](example_model())
    out = write_html(tmp_path / "out" / f"{name}.html", text)
    assert out.read_text(encoding="utf-8") == text
    # nothing else written (pyvis writes lib/ into the cwd)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"{name}.html"]

    doc = parse(text)
    assert text.startswith("<!DOCTYPE html>")
    for tag, attrs in doc.tags:
        assert tag not in ("link", "iframe", "object", "embed", "base", "form"), tag
        for key in ("src", "href", "action", "srcset", "poster", "data", "formaction"):
            assert attrs.get(key) is None, (tag, key, attrs.get(key))
    # every script is inline
    assert all(not a.get("src") for a, _ in doc.scripts)
    # no URL references from styles either (data: images only)
    for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
        assert url.startswith("data:"), url
    assert "sourceMappingURL" not in text
    assert "@import" not in text


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_csp_meta_allows_exactly_the_inline_scripts(name, pages):
    doc = parse(pages[name])
    csp = doc.csp
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert directives["default-src"] == ["'none'"]
    assert directives["connect-src"] == ["'none'"]
    assert directives["img-src"] == ["data:"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    script_src = directives["script-src"]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    executable = [t for a, t in doc.scripts if a.get("type") != "application/json"]
    assert executable
    expected = {"'sha256-" + base64.b64encode(hashlib.sha256(t.encode()).digest()).decode() + "'" for t in executable}
    assert set(script_src) == expected
    # the CSP meta comes before any script or style
    first = [t for t, _ in doc.tags if t in ("meta", "script", "style")]
    assert first.index("script") > 0 and first.index("style") > 0
    assert doc.tags[[t for t, _ in doc.tags].index("meta") + 1][0] == "meta"


# ---------------------------------------------------------------- embedding safety


def test_json_for_script_escapes_breakouts():
    obj = {"s": "</script><script>alert(1)</script> <!-- & \u2028\u2029 \ud800 ok"}
    text = json_for_script(obj)
    for bad in ("<", ">", "&", "\u2028", "\u2029", "\ud800"):
        assert bad not in text
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text) == obj
    text.encode("utf-8")  # no lone surrogate left


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_hostile_text_stays_text(name, xss_pages):
    text = xss_pages[name]
    doc = parse(text)
    # the payloads never appear as markup anywhere in the page
    for payload in XSS_PAYLOADS[:3]:
        assert payload not in text
    # no element came from the data: no <img>, no inline event handler attribute
    assert not any(tag == "img" for tag, _ in doc.tags)
    assert not any(k.startswith("on") for _, attrs in doc.tags for k in attrs)
    # exactly one data element, the other scripts are the vendored libs and ours
    assert sum(1 for a, _ in doc.scripts if a.get("type") == "application/json") == 1
    assert not any("__xss" in t for a, t in doc.scripts if a.get("type") != "application/json")
    # the title is escaped, and round-trips through the JSON payload
    assert doc.title == xss_model()["title"]
    data = doc.data()
    assert data["title"] == xss_model()["title"]
    assert data["events"][0]["claims"][0]["evidence"] == xss_model()["events"][0]["claims"][0]["evidence"]
    # no javascript: URL in any attribute
    for _tag, attrs in doc.tags:
        for v in attrs.values():
            assert not (v or "").strip().lower().startswith("javascript:")


def test_client_code_never_uses_html_sinks_with_data():
    for js in (page.load_asset(name) for name in page.OWN_ASSETS if name.endswith(".js")):
        for sink in (
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
            'setAttribute("href',
            'setAttribute("src',
            ".src =",
            "srcdoc",
        ):
            assert sink not in js, sink
    # one place makes links, and only after checking the scheme
    common = page.load_asset("kg-common.js")
    assert sum(page.load_asset(n).count(".href =") for n in page.OWN_ASSETS if n.endswith(".js")) == 1
    setter = common[common.index("function setLink(") :]
    setter = setter[: setter.index("}") + 1]
    assert "if (!SAFE_URL.test(url)) return false;" in setter and "a.href = url;" in setter
    assert "var SAFE_URL = /^(https?:\\/\\/|blob:|data:image\\/png;base64,|data:text\\/csv;)/i;" in common


def test_assets_can_be_inlined_and_have_licences():
    names = {p.name for p in page.ASSETS_DIR.iterdir()}
    for asset in (page.VIS_NETWORK_JS, page.VIS_NETWORK_CSS, page.VIS_TIMELINE_JS, page.VIS_TIMELINE_CSS):
        assert asset in names
        page.load_asset(asset)
    assert {
        "LICENSE-vis-network-MIT.txt",
        "LICENSE-vis-network-APACHE-2.0.txt",
        "LICENSE-vis-timeline-MIT.txt",
        "LICENSE-vis-timeline-APACHE-2.0.txt",
    } <= names
    with pytest.raises(ValueError):
        page.load_asset("../page.py")


# ---------------------------------------------------------------- determinism, no mutation


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_deterministic_and_model_not_mutated(name):
    model = example_model()
    before = copy.deepcopy(model)
    first = RENDERERS[name](model)
    assert model == before
    assert RENDERERS[name](copy.deepcopy(model)) == first


def test_large_graph_layout_is_deterministic_spaced_and_static():
    model = big_model(400, 700)
    before = copy.deepcopy(model)
    a = network_payload(model)
    assert model == before
    net = a["network"]
    assert len(net["nodes"]) == 400
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in net["nodes"])
    assert network_payload(copy.deepcopy(model)) == a
    # spaced to node size: no two nodes overlap
    import itertools
    import math

    overlaps = sum(
        1
        for p, q in itertools.combinations(net["nodes"], 2)
        if math.hypot(p["x"] - q["x"], p["y"] - q["y"]) < 0.9 * (p["size"] + q["size"])
    )
    assert overlaps <= len(net["nodes"]) // 50


def test_very_large_graph_uses_core_periphery_layout():
    model = big_model(3000, 3500)
    net = network_payload(model)["network"]
    assert len(net["nodes"]) == 3000
    assert all("x" in n for n in net["nodes"])


def test_communities_colour_the_linked_nodes():
    net = network_payload(big_model(120, 160))["network"]
    linked = [n for n in net["nodes"] if n["degree"]]
    assert {n["community"] for n in linked} >= {0, 1}
    assert all(n["community"] == -1 for n in net["nodes"] if not n["degree"])
    assert sum(size for _name, size in net["communities"]) == len(linked)
    # hubs get bigger labels
    hub = max(linked, key=lambda n: n["degree"])
    assert hub["font"]["size"] == max(n["font"]["size"] for n in net["nodes"]) > 14


# ---------------------------------------------------------------- top


def test_top_keeps_entities_with_most_events():
    model = big_model(50, 120)
    ranked = sorted(model["entities"], key=lambda e: (-e["events"], e["label"], e["id"]))
    want = {e["id"] for e in ranked[:5]}
    data = network_payload(model, top=5)
    nodes = data["network"]["nodes"]
    assert {data["entities"][n["id"]]["id"] for n in nodes} == want
    ids = {n["id"] for n in nodes}
    assert data["network"]["edges"]
    assert all(e["from"] in ids and e["to"] in ids for e in data["network"]["edges"])
    # every event kept touches a kept entity
    for ev in data["events"]:
        assert any(data["entities"][p]["id"] in want for p in ev["actors"] + ev["recipients"] + ev["locations"])
    assert len(network_html(model, top=5)) < len(network_html(model))
    assert network_payload(model, top=0)["network"]["nodes"] == []
    with pytest.raises(ValueError):
        network_payload(model, top=-1)


def test_title_override_and_lanes_validation():
    text = network_html(example_model(), title="My <view>")
    assert "<title>My &lt;view&gt;</title>" in text
    with pytest.raises(ValueError):
        timeline_html(example_model(), lanes="outlet")
    assert timeline_payload(example_model(), lanes="source")["timeline"]["lanes"] == "source"


# ---------------------------------------------------------------- semantics


def _edges_of(data, iri):
    i = next(k for k, ev in enumerate(data["events"]) if ev["id"] == iri)
    return [e for e in data["network"]["edges"] if e["kind"] == "event" and i in e["refs"]]


def test_network_edges_follow_the_model():
    data = network_payload(example_model())
    ent = {e["id"]: i for i, e in enumerate(data["entities"])}
    ev = "https://kg.example/ev/"
    e = "https://kg.example/e/"
    # no recipient -> actor to location; planned: dashed; disputed events are named in the tooltip
    (mob,) = _edges_of(data, ev + "1")
    assert (mob["from"], mob["to"]) == (ent[e + "russia"], ent[e + "belarus"])
    assert mob["dashes"] == [8, 6] and "some disputed" in mob["title"]
    (attack,) = _edges_of(data, ev + "2")
    assert "dashes" not in attack
    assert (attack["from"], attack["to"]) == (ent[e + "russia"], ent[e + "ukraine"])  # recipient wins
    (talks,) = _edges_of(data, ev + "3")
    assert talks["dashes"] == [2, 5]
    (neg,) = _edges_of(data, ev + "4")
    assert neg["label"].startswith("\u2715") and neg["color"]["color"] == "#aaaaaa"
    # actor with neither recipient nor location: no link, counted on the actor's node
    assert _edges_of(data, ev + "7") == []
    nodes = {n["id"]: n for n in data["network"]["nodes"]}
    i7 = next(k for k, x in enumerate(data["events"]) if x["id"] == ev + "7")
    assert nodes[ent[e + "putin"]]["unlinked"] == [i7]
    rels = [x for x in data["network"]["edges"] if x["kind"] == "relation"]
    assert {r["type"] for r in rels} == {"allied_with", "member_of"}
    assert all(r["color"]["color"] == "#d35400" for r in rels)
    # nodes: shape by type, size by events
    assert nodes[ent[e + "russia"]]["shape"] == "hexagon"
    assert nodes[ent[e + "putin"]]["shape"] == "dot"
    assert nodes[ent[e + "russia"]]["size"] > nodes[ent[e + "kherson"]]["size"]
    assert [x[0] for x in data["network"]["legend"]] == sorted({x["type"] for x in data["entities"]})


def test_one_link_per_pair_type_and_modality_with_every_event():
    model = example_model()
    e, a = "https://kg.example/e/", "https://kg.example/article/"
    for k in range(5):  # five more reported attacks of Russia on Ukraine, two of them only possible
        model["events"].append(
            {
                "id": f"https://kg.example/ev/x{k}",
                "type": "ATTACK",
                "modality": "possible" if k < 2 else "asserted",
                "label": "hit",
                "actors": [e + "russia"],
                "recipients": [e + "ukraine"],
                "locations": [],
                "time": None,
                "published": f"2022-10-1{k}",
                "claims": [{"article": f"{a}x{k}", "evidence": f"attack {k}", "modality": "asserted"}],
            }
        )
    data = network_payload(model)
    ent = {x["id"]: i for i, x in enumerate(data["entities"])}
    pair = [
        x
        for x in data["network"]["edges"]
        if (x["from"], x["to"]) == (ent[e + "russia"], ent[e + "ukraine"]) and x["type"] == "ATTACK"
    ]
    by_modality = {x["modality"]: x for x in pair}
    assert sorted(by_modality) == ["asserted", "possible"]
    assert len(by_modality["asserted"]["refs"]) == 4 and "\u00d74" in by_modality["asserted"]["label"]
    assert len(by_modality["possible"]["refs"]) == 2
    assert by_modality["asserted"]["width"] > by_modality["possible"]["width"]
    # the two curve apart
    assert {x["smooth"]["type"] for x in pair} == {"curvedCW", "curvedCCW"}


def test_event_times_and_dispute_flags():
    data = timeline_payload(example_model())
    evs = {ev["id"].rsplit("/", 1)[1]: ev for ev in data["events"]}
    assert evs["1"]["t"] == {"start": "2022-12-01", "end": "2023-03-01"} and evs["1"]["dated"]
    assert evs["1"]["disputed"] and evs["1"]["articles"] == 2
    assert evs["1"]["claimModalities"] == ["asserted", "planned"]
    assert evs["6"]["articles"] == 2 and not evs["6"]["disputed"]
    assert evs["2"]["t"] == {"start": "2022-10-10", "end": None}  # same start and end: a point
    assert evs["5"]["t"] == {"start": "2022-10-20", "end": None} and not evs["5"]["dated"]
    assert "kg-undated" in evs["5"]["cls"]
    assert evs["7"]["t"] is None and evs["7"]["d0"] is None
    assert evs["4"]["cls"].startswith("kg-mod-negated")
    assert evs["1"]["laneSources"] == ["The Wall Street Journal", "TASS"]
    assert "o:Reuters" in evs["1"]["srcKeys"] and "s:anonymous European diplomat" in evs["1"]["srcKeys"]
    f = data["facets"]
    assert [m for m, _ in f["modalities"]] == ["asserted", "planned", "possible", "negated"]
    assert f["undated"] == 2
    # the dense range: publication dates (2nd to 98th percentile) and a week either side
    day = lambda iso: (datetime.date.fromisoformat(iso) - datetime.date(1970, 1, 1)).days  # noqa: E731
    assert (f["denseFrom"], f["denseTo"]) == (day("2022-09-28"), day("2022-12-08"))


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2022", ("2022-01-01", "2023-01-01")),
        ("2022-12", ("2022-12-01", "2023-01-01")),
        ("2022-02-28", ("2022-02-28", "2022-03-01")),
        ("2022-10-05T12:00:00Z", ("2022-10-05", "2022-10-06")),
        ("next winter", None),
        ("2022-13", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_period(value, expected):
    got = parse_period(value)
    assert (None if got is None else (got[0].isoformat(), got[1].isoformat())) == expected


def test_untidy_models_do_not_break_rendering():
    model = {
        "title": None,
        "entities": [{"id": "x", "label": None, "type": None}, {"id": "x", "label": "dup"}, "junk"],
        "events": [
            {
                "id": "ev",
                "type": None,
                "actors": ["x", "unknown-iri"],
                "recipients": "x",
                "claims": [{"confidence": float("nan"), "sources": None}, "plain claim"],
            },
            {"id": "ev", "type": "DUP"},
            {"actors": [], "time": "sometime", "published": "not a date"},
        ],
        "relations": [{"id": "r", "subject": "x", "object": "nowhere"}],
    }
    for fn in RENDERERS.values():
        text = fn(model)
        data = parse(text).data()
        assert [e["id"] for e in data["entities"]] == ["x", "unknown-iri", "nowhere"]
        assert data["entities"][1]["placeholder"]
        assert len(data["events"]) == 2
    with pytest.raises(TypeError):
        network_html(["not", "a", "model"])


def test_write_html_creates_parents(tmp_path):
    target = tmp_path / "a" / "b" / "page.html"
    write_html(target, "<!DOCTYPE html>\n")
    assert target.read_bytes() == b"<!DOCTYPE html>\n"
    assert os.path.isdir(tmp_path / "a" / "b")


def test_vendored_files_match_the_recorded_hashes():
    readme = (page.ASSETS_DIR / "README.md").read_text(encoding="utf-8")
    recorded = dict(reversed(line.split()) for line in readme.splitlines() if re.fullmatch(r"[0-9a-f]{64}  \S+", line))
    assert set(recorded) == {page.VIS_NETWORK_JS, page.VIS_NETWORK_CSS, page.VIS_TIMELINE_JS, page.VIS_TIMELINE_CSS}
    for name, digest in recorded.items():
        assert hashlib.sha256((page.ASSETS_DIR / name).read_bytes()).hexdigest() == digest, name


def test_the_view_model_does_not_depend_on_the_order_the_store_returns_rows_in(seed_store, monkeypatch):
    # an event reported more than once is shown with its first report's details, chosen by date, article
    # and claim: the same model whatever order a query (or another engine) gives the rows in
    from kg.views import model

    straight = model.view_model(seed_store)
    rows = model._rows
    monkeypatch.setattr(model, "_rows", lambda store, name: rows(store, name)[::-1])
    assert model.view_model(seed_store) == straight
