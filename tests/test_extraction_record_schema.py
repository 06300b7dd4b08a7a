"""The extraction record `kg extract` prints follows the JSON Schema shipped in the package (docs/records.md)."""

from __future__ import annotations

import configparser
import copy
import json
import subprocess
import sys

import jsonschema
import pytest

from kg.graph.records import ENTITY_TYPES, EVENT_TYPES, MODALITIES, RELATION_TYPES, RESOLUTION_RULES, json_schema
from kg.read.articles import read_articles
from tests.conftest import ROOT, SEED

# Written for this test: a planned deployment with a quantity, a time, a source and a dated, sourced article.
TALKS = """---
title: Troops for the border
date: 2023-03-14
source: Example Wire
url: https://example.org/border
---
Austria will deploy about 200 troops to Hungary next month, the ministry said. Austria's foreign
minister met Hungarian officials in Vienna on Tuesday.
"""
# Not English: kg reads nothing from it and says why in ``warnings``.
GERMAN = "Die Regierung hat gestern neue Gespräche angekündigt; die Minister treffen sich am Montag in Berlin.\n"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> list[tuple[dict, str]]:
    """Each record `kg extract --explain` prints for the seed article and the texts above, with its article text."""
    folder = tmp_path_factory.mktemp("records")
    talks, german = folder / "talks.md", folder / "german.txt"
    talks.write_text(TALKS, encoding="utf-8")
    german.write_text(GERMAN, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kg", "extract", "--explain", str(SEED), str(talks), str(german)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    texts = {a.id: a.text for a in read_articles([SEED, talks, german])}
    return [(r, texts[r["article"]["id"]]) for r in records]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _spans(record: dict):
    for entity in record["entities"]:
        yield from entity["mentions"]
    for event in record["events"]:
        yield event["trigger"]
        yield event["evidence"]
    for relation in record["relations"]:
        yield relation["evidence"]


def _references(record: dict):
    for entity in record["entities"]:
        yield from [entity["country"]] if "country" in entity else []
    for event in record["events"]:
        yield from event["actors"] + event["recipients"] + event["locations"] + event["sources"]
    for relation in record["relations"]:
        yield from [relation["subject"], relation["object"], *relation["sources"]]


def test_kg_extract_records_validate_against_the_shipped_schema(extracted, validator):
    assert [r["article"]["id"] for r, _ in extracted] == ["seed-troop-deployment", "talks", "german"]
    for record, _ in extracted:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(record)]
        assert errors == [], record["article"]["id"]
        assert all(e["explain"] for e in record["events"])
    seed, talks, german = (r for r, _ in extracted)
    assert seed["events"] and talks["events"] and "warnings" not in talks
    assert german["warnings"] and not (german["entities"] or german["events"] or german["relations"])


def test_the_records_say_what_the_format_promises(extracted):
    """What JSON Schema cannot say: offsets quote the article's text, ids refer to the record's entities."""
    for record, text in extracted:
        for span in _spans(record):
            assert text[span["start"] : span["end"]] == span["text"], span
        ids = [e["id"] for e in record["entities"]]
        assert len(ids) == len(set(ids))
        assert set(_references(record)) <= set(ids)
    (record,) = [r for r, _ in extracted if r["article"]["id"] == "talks"]
    assert record["article"] == {
        "id": "talks",
        "title": "Troops for the border",
        "date": "2023-03-14",
        "source": "Example Wire",
        "url": "https://example.org/border",
    }
    deploy = _deploy(record)
    assert deploy["modality"] == "planned" and deploy["quantity"]["value"] == 200
    assert deploy["time"] == {"text": "next month", "start": "2023-04", "end": "2023-04", "granularity": "month"}


def _deploy(record: dict) -> dict:
    return next(e for e in record["events"] if e["trigger"]["text"] == "deploy")


def _wrong(record: dict, change) -> dict:
    wrong = copy.deepcopy(record)
    change(wrong)
    return wrong


WRONG = {
    "an event type PLOVER does not have": lambda r: _deploy(r).update(type="INVADE"),
    "a field the format does not have": lambda r: _deploy(r).update(polarity="negative"),
    "a required field missing": lambda r: _deploy(r).pop("modality"),
    "an offset that is text": lambda r: _deploy(r)["trigger"].update(start="13"),
    "a negative offset": lambda r: r["entities"][0]["mentions"][0].update(start=-1),
    "a date that is not YYYY-MM-DD": lambda r: r["article"].update(date="14/03/2023"),
    "a Wikidata id that is not a QID": lambda r: r["entities"][0].update(wikidata="Austria"),
    "a modality out of the four": lambda r: _deploy(r).update(modality="likely"),
    "an actor given by name": lambda r: _deploy(r).update(actors=[{"name": "Austria"}]),
    "a confidence above 1": lambda r: _deploy(r).update(confidence=1.5),
    "a time granularity kg does not write": lambda r: _deploy(r)["time"].update(granularity="fortnight"),
    "an unknown resolution rule": lambda r: r["entities"][0]["mentions"][0].update(rule="guess"),
}


@pytest.mark.parametrize("what", WRONG)
def test_a_record_with_a_wrong_field_fails_validation(extracted, validator, what):
    (record,) = [r for r, _ in extracted if r["article"]["id"] == "talks"]
    validator.validate(record)  # the record itself is valid: what fails below is the change
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(_wrong(record, WRONG[what]))


def test_the_schema_lists_the_values_the_records_module_defines():
    defs = json_schema()["$defs"]
    assert tuple(defs["entity"]["properties"]["type"]["enum"]) == ENTITY_TYPES
    assert tuple(defs["event"]["properties"]["type"]["enum"]) == EVENT_TYPES
    assert tuple(defs["modality"]["enum"]) == MODALITIES
    assert tuple(defs["relation"]["properties"]["type"]["enum"]) == RELATION_TYPES
    assert defs["mention"]["properties"]["rule"]["enum"] == list(RESOLUTION_RULES)


def test_the_schema_and_py_typed_are_package_data():
    """A wheel carries them: setup.cfg's package_data names both files for their package."""
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    data = {pkg: value.replace(",", " ").split() for pkg, value in cfg["options.package_data"].items()}
    assert "py.typed" in data["kg"] and (ROOT / "kg" / "py.typed").is_file()
    package = json_schema.__module__.rsplit(".", 1)[0]
    assert "records.schema.json" in data[package]
