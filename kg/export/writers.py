"""Writing an export to a file, the format from its suffix: .graphml, .gexf, .csv, .parquet, .jsonl.

Each file is written beside its target and moved into place, so a failed export leaves no half-written file.
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import UsageError
from kg.export.graph import to_networkx
from kg.export.table import BOOL_COLUMNS, COLUMNS, FLOAT_COLUMNS, LIST_COLUMNS, ExportData, Filters, read_export
from kg.graph.records import RELATION_TYPES

__all__ = ["CSV_DTYPES", "FORMATS", "ExportSummary", "export", "format_of", "json_line", "neutralise", "write_export"]

FORMATS = ("graphml", "gexf", "csv", "parquet", "jsonl")
GRAPH_FORMATS = ("graphml", "gexf")  # the others are the events table
# what pandas should make of each CSV column: pd.read_csv(path, dtype=CSV_DTYPES) (docs/export.md)
CSV_DTYPES = {c: "float64" if c in FLOAT_COLUMNS else "boolean" if c in BOOL_COLUMNS else "string" for c in COLUMNS}
# a spreadsheet runs a cell starting with one of these as a formula (OWASP's list: = + - @, tab, carriage return)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    format: str
    reports: int
    relations: int
    entities: int

    def __str__(self) -> str:
        if self.format in ("graphml", "gexf"):
            return (
                f"wrote {self.path} ({self.format}): {self.entities} entities as nodes, "
                f"{self.reports + self.relations} edges ({self.reports} reports, {self.relations} relations)"
            )
        return f"wrote {self.path} ({self.format}): {self.reports} rows, one per report"


def format_of(out: str | Path, fmt: str | None = None) -> str:
    """The format named, else the one the file's suffix says.

    >>> format_of("events.parquet"), format_of("x.txt", "csv")
    ('parquet', 'csv')
    """
    name = (fmt or Path(out).suffix.lstrip(".")).lower()
    if name not in FORMATS:
        raise UsageError(
            f"{out}: cannot tell the export format; end the file name with one of "
            f"{', '.join('.' + f for f in FORMATS)} or pass --format"
        )
    return name


def export(store, out: str | Path, *, fmt: str | None = None, filters: Filters | None = None) -> ExportSummary:
    """Read the export from ``store`` and write it to ``out``."""
    fmt = format_of(out, fmt)
    if filters is not None and filters.type in RELATION_TYPES and fmt not in GRAPH_FORMATS:
        raise UsageError(
            f"--type {filters.type} is a relation type: relations are edges of .graphml and .gexf; "
            f"the .{fmt} events table has reports of events only (give an event type)"
        )
    return write_export(read_export(store, filters), out, fmt=fmt)


def write_export(data: ExportData, out: str | Path, *, fmt: str | None = None) -> ExportSummary:
    fmt = format_of(out, fmt)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(out.name + ".part")
    try:
        _WRITERS[fmt](data, part)
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    return ExportSummary(out, fmt, len(data.rows), len(data.relations), len(data.entities))


def _graphml(data: ExportData, path: Path) -> None:
    from networkx.readwrite.graphml import GraphMLWriter

    class Writer(GraphMLWriter):
        # networkx writes a boolean as Python spells it ("False"), which xs:boolean does not allow
        def add_data(self, name, element_type, value, scope="all", default=None):
            text = str(value).lower() if element_type is bool else value
            return super().add_data(name, element_type, text, scope, default)

    writer = Writer()  # the same writer nx.write_graphml uses, with its defaults
    writer.add_graph_element(to_networkx(data))
    writer.dump(path)


def _gexf(data: ExportData, path: Path) -> None:
    import networkx as nx

    nx.write_gexf(to_networkx(data, dynamic=True), path, version="1.2draft")


def _csv(data: ExportData, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for row in data.rows:
            writer.writerow([_csv_cell(c, row[c]) for c in COLUMNS])


def _csv_cell(column: str, value) -> str | float:
    if value is None:
        return ""
    if column in BOOL_COLUMNS:
        return "true" if value else "false"
    if column in FLOAT_COLUMNS:
        return value
    return neutralise(";".join(value) if column in LIST_COLUMNS else value)


def neutralise(text: str) -> str:
    """Text a spreadsheet shows as text: a leading apostrophe before a formula's first character.

    >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("Kyiv")
    ('\\'=HYPERLINK("http://x")', 'Kyiv')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def _jsonl(data: ExportData, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for row in data.rows:
            f.write(json_line({c: row[c] for c in COLUMNS}) + "\n")


def json_line(record: dict) -> str:
    r"""One JSON Lines record: UTF-8 text, with the characters some line readers take for a line break escaped
    (Python's ``str.splitlines`` splits at U+2028, U+2029 and NEL as well as at a newline).

    >>> json_line({"evidence": "one\u2028two"})
    '{"evidence": "one\\u2028two"}'
    """
    return _LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(record, ensure_ascii=False))


def _parquet(data: ExportData, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            (
                c,
                pa.list_(pa.string())
                if c in LIST_COLUMNS
                else pa.float64()
                if c in FLOAT_COLUMNS
                else pa.bool_()
                if c in BOOL_COLUMNS
                else pa.string(),
            )
            for c in COLUMNS
        ]
    )
    table = pa.Table.from_pylist([{c: row[c] for c in COLUMNS} for row in data.rows], schema=schema)
    pq.write_table(table, path)


_WRITERS = {"graphml": _graphml, "gexf": _gexf, "csv": _csv, "jsonl": _jsonl, "parquet": _parquet}
