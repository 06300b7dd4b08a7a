"""Every notebook in notebooks/ runs top to bottom (executed with nbclient, as a user would), stays small, ends
without warnings, and shows what it promises: the quickstart a ``%%sparql`` result; the corpus notebook (on its
first 60 articles, when ../shared/corpus is there) non-empty coordination, disputed and plan-status tables
and a plot, or else a clear message and nothing embedded."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT
from nbclient import NotebookClient

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
# where the corpus notebook looks for its corpus
CORPUS = Path(os.environ.get("KG_CORPUS") or ROOT.parent / "shared" / "corpus" / "ukraine_news.jsonl")
MAX_BYTES = 1_000_000


def test_there_are_notebooks():
    assert {p.stem for p in NOTEBOOKS} >= {"quickstart", "corpus_analysis"}


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def executed(request, tmp_path_factory):
    import matplotlib.font_manager  # noqa: F401  # builds matplotlib's font cache here, not on a kernel's stderr

    path = request.param
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    out = tmp_path_factory.mktemp("executed") / path.name
    nbformat.write(nb, out)
    return path.stem, nb, out.stat().st_size


def _outputs(nb):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]


def _text(nb) -> str:
    return "\n".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) for o in _outputs(nb))


def test_notebook_runs_small_and_without_warnings(executed):
    name, nb, size = executed
    assert not [o for o in _outputs(nb) if o.output_type == "error"]
    assert size < MAX_BYTES, f"{name}: {size} bytes executed"
    assert not [o.text for o in _outputs(nb) if o.output_type == "stream" and o.name == "stderr"]


def test_quickstart_shows_a_sparql_magic_result(executed):
    name, nb, _ = executed
    if name != "quickstart":
        pytest.skip("quickstart only")
    magic = next(c for c in nb.cells if c.source.startswith("%%sparql"))
    html = magic.outputs[0]["data"]["text/html"]
    assert "<table" in html and "events" in html  # a DataFrame of the cell's query


def test_corpus_notebook_shows_tables_and_a_plot(executed):
    name, nb, _ = executed
    if name != "corpus_analysis":
        pytest.skip("corpus notebook only")
    text = _text(nb)
    if not CORPUS.is_file():
        assert "No corpus at" in text
        assert not any("text/html" in o.get("data", {}) or "image/png" in o.get("data", {}) for o in _outputs(nb))
        return
    assert "the first 60 articles" in text
    for counted in ("pairs", "disputed events"):
        line = next(x for x in text.splitlines() if x.endswith(counted))
        assert int(line.split()[0]) > 0, line
    plan_cell = next(c for c in nb.cells if 'query("plan-status")' in c.source)
    statuses, plans = (o["data"] for o in plan_cell.outputs)
    assert "planned" in statuses["text/plain"] and "<table" in plans["text/html"]
    assert sum("image/png" in o.get("data", {}) for o in _outputs(nb)) >= 1
