"""Query results as pandas DataFrames an analyst can compute with, and as small HTML tables.

A SPARQL row holds RDF terms; a DataFrame column holds one kind of value. The conversion, column by column:

- a column the query joins into one string (a named query's ``# list:`` header, e.g. actors "; ") becomes a
  list column: ``["Donbas", "Crimea"]``, ``[]`` when empty;
- dates become ``pd.Timestamp`` (a day or a moment) or ``pd.Period`` by their granularity (``xsd:gYearMonth``
  a month, ``xsd:gYear`` a year): "2022-02" stays a month, never becomes the 1st of February; a column of days
  is ``datetime64``, of months only (or years only) ``period``, of several granularities objects;
- numbers become nullable integers or floats, booleans nullable booleans;
- kg's own vocabulary (modalities, event and relation types, entity classes) is shown by its short name
  (``planned``, ``AID``, ``allied_with``); other IRIs (entities, events, claims) stay whole, as identifiers;
- anything missing, unbound or an empty string, is ``pd.NA``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from rdflib import XSD, Literal, URIRef

from kg.errors import KgError
from kg.graph.namespace import KG, PLOVER

__all__ = ["PandasMissing", "entities_frame", "html_table", "python_value", "short_name", "to_dataframe"]

HTML_ROWS = 20  # rows a result shows inline in a notebook; the count says how many there are
_SHORT = (str(KG._NS), str(PLOVER))
_INTEGERS = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.nonNegativeInteger, XSD.positiveInteger}
_FLOATS = {XSD.decimal, XSD.double, XSD.float}
_MOMENTS = {XSD.date, XSD.dateTime, XSD.dateTimeStamp}
_PERIODS = {XSD.gYearMonth: "M", XSD.gYear: "Y"}


class PandasMissing(KgError, ImportError):
    """pandas is not installed."""


def _pandas():
    try:
        import pandas as pd
    except ImportError as err:
        raise PandasMissing("DataFrames need pandas: pip install 'kg[pandas]' (or pip install pandas)") from err
    return pd


def short_name(iri: str) -> str:
    """kg's own terms by their local name, other IRIs whole.

    >>> short_name("https://w3id.org/kgct/ontology#planned"), short_name("https://w3id.org/kgct/plover/AID")
    ('planned', 'AID')
    >>> short_name("https://w3id.org/kgct/resource/entity/Q159")
    'https://w3id.org/kgct/resource/entity/Q159'
    """
    for ns in _SHORT:
        if iri.startswith(ns) and iri != ns:
            return iri[len(ns) :]
    return iri


def python_value(term, pd=None):
    """One RDF term as the value a DataFrame holds (see the module docstring); ``None`` for missing."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return short_name(str(term))
    if not isinstance(term, Literal):
        return str(term)
    text, dt = str(term), term.datatype
    if dt is None or dt == XSD.string:
        return text or None
    if dt in _INTEGERS:
        return int(text)
    if dt in _FLOATS:
        return float(text)
    if dt == XSD.boolean:
        return text in ("true", "1")
    pd = pd or _pandas()
    if dt in _MOMENTS:
        return pd.Timestamp(text)
    if dt in _PERIODS:
        return pd.Period(text, freq=_PERIODS[dt])
    return text or None


def _cell(term, separator: str | None, pd):
    if separator is None:
        return python_value(term, pd)
    text = "" if term is None else str(term)
    return [part for part in text.split(separator) if part] if text else []


def _column(values: list, pd):
    """A Series of the best dtype for ``values`` (None for missing)."""
    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return pd.array(values, dtype="boolean")
    if kinds == {int}:
        return pd.array(values, dtype="Int64")
    if kinds and kinds <= {int, float}:
        return pd.array(values, dtype="Float64")
    if kinds == {str} or not kinds:
        return pd.array(values, dtype="string")
    if kinds == {pd.Timestamp} and len({v.tz is None for v in values if v is not None}) == 1:
        return pd.to_datetime(pd.Series(values, dtype=object))
    if kinds == {pd.Period} and len(freqs := {v.freqstr for v in values if v is not None}) == 1:
        # all months (or all years): a period column, with its .dt accessor
        return pd.array(values, dtype=pd.PeriodDtype(freqs.pop()))
    # mixed (dates of several granularities, lists): objects, missing as NA
    return pd.Series([pd.NA if v is None else v for v in values], dtype=object)


def to_dataframe(columns: Sequence[str], rows: Sequence[Sequence], lists: Mapping[str, str] | None = None):
    """Rows of RDF terms as a DataFrame with typed columns; ``lists`` maps a column to the separator the
    query joined its values with."""
    pd = _pandas()
    lists = lists or {}
    data = {}
    for i, name in enumerate(columns):
        # results repeat their terms (types, modalities, dates, articles): each is converted once per column
        seen: dict = {}
        values = []
        for row in rows:
            term = row[i]
            if term not in seen:
                seen[term] = _cell(term, lists.get(name), pd)
            value = seen[term]
            values.append(list(value) if isinstance(value, list) else value)  # a list of its own per row
        data[name] = _column(values, pd)
    return pd.DataFrame(data, columns=list(columns))


def html_table(columns: Sequence[str], rows: Sequence[Sequence], *, limit: int = HTML_ROWS) -> str:
    """The first ``limit`` rows as an HTML table, with the number of rows; every value escaped (article text
    is untrusted)."""
    shown = rows[:limit]
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(_text(v))}</td>" for v in row) + "</tr>" for row in shown)
    count = f"{len(rows)} row{'s' if len(rows) != 1 else ''}"
    if len(rows) > len(shown):
        count += f", the first {len(shown)} shown (to_dataframe() has them all)"
    return (
        f'<div class="kg-result"><p>{count}</p><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
    )


def _text(term) -> str:
    if term is None:
        return ""
    text = short_name(str(term)) if isinstance(term, URIRef) else str(term)
    return text if len(text) <= 300 else text[:299] + "…"


def entities_frame(listings):
    """``kg.derive.entities.EntityListing`` rows as a DataFrame: one row per entity node, its names and surface forms
    as lists, articles as a number, no Wikidata id as NA."""
    pd = _pandas()
    columns = {
        "label": pd.array([e.label or None for e in listings], dtype="string"),
        "type": pd.array([e.type or None for e in listings], dtype="string"),
        "wikidata": pd.array([e.wikidata for e in listings], dtype="string"),
        "articles": pd.array([e.articles for e in listings], dtype="Int64"),
        "labels": pd.Series([list(e.labels) for e in listings], dtype=object),
        "surface_forms": pd.Series([[s.text for s in e.surface_forms] for e in listings], dtype=object),
        "rules": pd.Series([sorted({s.rule for s in e.surface_forms}) for e in listings], dtype=object),
        "merged": pd.array([e.merged for e in listings], dtype="boolean"),
        "entity": pd.array([e.iri for e in listings], dtype="string"),
    }
    return pd.DataFrame(columns)
