"""The kg ontology (``kg.ttl``) and SHACL shapes, shipped as package data."""

from __future__ import annotations

from importlib import resources

__all__ = ["ontology_text"]


def ontology_text() -> str:
    return resources.files(__name__).joinpath("kg.ttl").read_text(encoding="utf-8")
