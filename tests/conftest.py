"""Shared fixtures: one extractor per session, the seed article, a store built from data/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED = DATA / "seed-troop-deployment.txt"


def shared_dir() -> Path | None:
    """../shared beside the repository (CI lays it there), or $KG_SHARED."""
    for candidate in (os.environ.get("KG_SHARED"), ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if candidate and (Path(candidate) / "eval").is_dir():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def extractor():
    from kg.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def extract_text(extractor):
    """Extract from a short text: ``extract_text("Russia invaded Ukraine.", date="2022-02-24")``."""
    from kg.graph.records import Article

    def run(text: str, *, date: str | None = None, article_id: str = "t"):
        return extractor.extract(Article(article_id, text, date=date))

    return run


@pytest.fixture(scope="session")
def seed_record(extractor):
    from kg.read.articles import read_articles

    return extractor.extract(read_articles([SEED])[0])


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, extractor):
    from kg.graph.store import Store
    from kg.pipeline import build

    store = Store(tmp_path_factory.mktemp("seed") / "store")
    build([DATA], store=store, extractor=extractor)
    return store


@pytest.fixture(scope="session")
def shared():
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is not present")
    return path
