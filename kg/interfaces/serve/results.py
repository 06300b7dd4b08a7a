"""What a query worker runs: content negotiation, the SPARQL 1.1 results formats, and the loop that
answers jobs read from stdin.

The worker process loads this file by path (see :mod:`kg.interfaces.serve.pool`), so it imports nothing from
kg and starts in milliseconds without spaCy. Results are written row by row and stop at the row cap
or the byte cap, whichever comes first (``Reply.truncated`` says which), so a worker never holds a
result larger than the cap; its memory is capped too (``memory_mb``).
"""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import re
import resource
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


# -- content negotiation -----------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str  # what the response says it is
    aliases: tuple[str, ...] = ()  # other media types that select it

    @property
    def content_type(self) -> str:
        return self.media_type + ("" if "xml" in self.media_type else "; charset=utf-8")


JSON = Format("json", "application/sparql-results+json", ("application/json",))
XML = Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"))
CSV = Format("csv", "text/csv")
TSV = Format("tsv", "text/tab-separated-values")
TURTLE = Format("turtle", "text/turtle", ("application/x-turtle", "application/turtle"))
NTRIPLES = Format("ntriples", "application/n-triples", ("text/plain",))
RDFXML = Format("rdfxml", "application/rdf+xml")
FORMATS = {  # per result kind, the server's preference first
    "solutions": (JSON, XML, CSV, TSV),
    "boolean": (JSON, XML),
    "graph": (TURTLE, NTRIPLES, RDFXML),
}
_RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}


def negotiate(accept: str | None, kind: str) -> Format | None:
    """The best format for an ``Accept`` header and a result kind; None when nothing acceptable.

    >>> negotiate(None, "solutions").name
    'json'
    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "solutions").name
    'xml'
    >>> negotiate("text/html,application/xhtml+xml,*/*;q=0.8", "graph").name
    'turtle'
    >>> negotiate("text/csv", "boolean") is None
    True
    """
    offered = FORMATS[kind]
    if not accept or not accept.strip():
        return offered[0]
    best, best_key = None, (0.0, 0, 0)
    for rank, fmt in enumerate(offered):
        for quality, specificity in _matches(accept, (fmt.media_type, *fmt.aliases)):
            key = (quality, specificity, -rank)
            if quality > 0 and key > best_key:
                best, best_key = fmt, key
    return best


def _matches(accept: str, media_types: tuple[str, ...]):
    for item in accept.split(","):
        media, *params = (p.strip() for p in item.split(";"))
        media = media.lower()
        quality = 1.0
        for p in params:
            key, _, value = p.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        for mt in media_types:
            if media == mt:
                yield quality, 2
            elif media == mt.split("/")[0] + "/*":
                yield quality, 1
            elif media == "*/*":
                yield quality, 0


# -- result serialisers (SPARQL 1.1 Query Results JSON, XML, CSV, TSV) ------------------------


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {k: _json_term(getattr(term, k)) for k in ("subject", "predicate", "object")},
        }
    raise TypeError(f"not an RDF term: {term!r}")


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class NotRepresentable(ValueError):
    """A value the chosen result format cannot carry."""


def _xml_text(text: str) -> str:
    if _XML_ILLEGAL.search(text):
        raise NotRepresentable(
            "a value contains control characters that XML 1.0 cannot carry; "
            "ask for application/sparql-results+json instead"
        )
    return xml_escape(text)


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            attr = f" xml:lang={quoteattr(term.language)}"
        elif term.datatype.value != XSD_STRING:
            attr = f" datatype={quoteattr(_xml_text(term.datatype.value))}"
        else:
            attr = ""
        return f"<literal{attr}>{_xml_text(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        parts = "".join(f"<{k}>{_xml_term(getattr(term, k))}</{k}>" for k in ("subject", "predicate", "object"))
        return f"<triple>{parts}</triple>"
    raise TypeError(f"not an RDF term: {term!r}")


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


@dataclass(frozen=True)
class Layout:
    """A results document written piece by piece: head, rows joined by ``sep``, foot."""

    head: str
    row: Callable[[list], str]
    sep: str
    foot: str


def solutions_layout(variables: list[str], fmt: Format) -> Layout:
    """How solutions are written in ``fmt``; a row holds pyoxigraph terms or None."""
    if fmt is JSON:
        head = '{"head": {"vars": ' + json.dumps(variables, ensure_ascii=False) + '}, "results": {"bindings": ['
        return Layout(
            head,
            lambda row: json.dumps(
                {v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None}, ensure_ascii=False
            ),
            ", ",
            "]}}",
        )
    if fmt is XML:
        head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        return Layout(
            f'<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="{RESULTS_NS}"><head>{head}</head><results>',
            lambda row: (
                "<result>"
                + "".join(
                    f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                    for v, t in zip(variables, row, strict=True)
                    if t is not None
                )
                + "</result>"
            ),
            "",
            "</results></sparql>\n",
        )
    if fmt is CSV:
        return Layout(_csv_line(variables), lambda row: _csv_line([_csv_value(t) for t in row]), "", "")
    if fmt is TSV:  # terms in N-Triples syntax, which escapes tabs and newlines
        return Layout(
            "\t".join("?" + v for v in variables) + "\n",
            lambda row: "\t".join("" if t is None else str(t) for t in row) + "\n",
            "",
            "",
        )
    raise ValueError(f"not a solutions format: {fmt.name}")


def _csv_line(values: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(values)
    return buf.getvalue()


def solutions_body(variables: list[str], rows: list[list], fmt: Format) -> bytes:
    """Solutions in a SPARQL 1.1 results format, uncapped."""
    return write_capped(solutions_layout(variables, fmt), rows, max_rows=len(rows), max_bytes=None)[0]


def write_capped(layout: Layout, rows: Iterable[list], *, max_rows: int, max_bytes: int | None) -> tuple[bytes, str]:
    """The document with as many rows as both caps allow, and what cut it ("", "rows" or "bytes")."""
    parts, size, count, cut = [layout.head.encode()], 0, 0, ""
    for row in rows:
        if count >= max_rows:
            cut = "rows"
            break
        piece = ((layout.sep if count else "") + layout.row(row)).encode()
        if max_bytes is not None and size + len(piece) > max_bytes:
            cut = "bytes"
            break
        parts.append(piece)
        size += len(piece)
        count += 1
    parts.append(layout.foot.encode())
    return b"".join(parts), cut


def boolean_body(value: bool, fmt: Format) -> bytes:
    if fmt is JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="{RESULTS_NS}"><head/>'
        f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n"
    ).encode()


# -- answering one job ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    truncated: str = ""  # "rows" or "bytes" when a cap cut the result


def _text(status: int, message: str) -> Reply:
    return Reply(status, (message.rstrip() + "\n").encode())


_UNKNOWN_FUNCTION = re.compile(r"custom function (<[^>]*>) is not supported")


def answer(store: ox.Store, job: dict) -> Reply:
    """Run one query job against a pyoxigraph store and serialise the result within the job's caps."""
    try:
        return _answer(store, job)
    except SyntaxError as err:
        return _text(400, f"SPARQL syntax error: {err}")
    except NotRepresentable as err:
        return _text(406, str(err))
    except ValueError as err:
        return _text(400, f"bad request: {err}")
    except MemoryError:
        return _text(
            500,
            f"the query needed more than the worker's memory cap ({job.get('memory_mb')} MB); "
            "make it more selective or add LIMIT",
        )
    except RuntimeError as err:  # pyoxigraph's evaluation errors
        unknown = _UNKNOWN_FUNCTION.search(str(err))
        if unknown:
            return _text(
                400, f"unknown function {unknown.group(1)}: this endpoint has the SPARQL 1.1 built-in functions only"
            )
        return _text(500, f"the query failed: {err}")
    except OSError as err:
        return _text(500, f"the query failed: {err}")


def _answer(store: ox.Store, job: dict) -> Reply:
    result = store.query(job["query"], **_dataset_options(job))
    caps = {"max_rows": job["max_rows"], "max_bytes": job.get("max_bytes")}
    if isinstance(result, ox.QueryBoolean):
        fmt = negotiate(job.get("accept"), "boolean")
        return (
            _not_acceptable("boolean") if fmt is None else Reply(200, boolean_body(bool(result), fmt), fmt.content_type)
        )
    if isinstance(result, ox.QuerySolutions):
        fmt = negotiate(job.get("accept"), "solutions")
        if fmt is None:
            return _not_acceptable("solutions")
        variables = [v.value for v in result.variables]
        body, cut = write_capped(
            solutions_layout(variables, fmt), ([sol[v] for v in variables] for sol in result), **caps
        )
        return Reply(200, body, fmt.content_type, cut)
    fmt = negotiate(job.get("accept"), "graph")
    if fmt is None:
        return _not_acceptable("graph")
    triples, cut = _take_triples(iter(result), **caps)
    graph = ox.serialize(triples, format=_RDF_FORMATS[fmt.name])
    assert graph is not None  # serialize returns the bytes when given no output file
    return Reply(200, graph, fmt.content_type, cut)


def _dataset_options(job: dict) -> dict:
    defaults, named = job.get("default_graphs"), job.get("named_graphs")
    if defaults is None and named is None:
        return {"use_default_graph_as_union": True} if job.get("union", True) else {}
    return {
        "default_graph": [ox.NamedNode(g) for g in defaults or ()],
        "named_graphs": [ox.NamedNode(g) for g in named or ()],
    }


def _take_triples(triples, *, max_rows: int, max_bytes: int | None) -> tuple[list[ox.Triple], str]:
    """Triples up to the caps; the size is counted as N-Triples, which Turtle and RDF/XML stay near."""
    taken: list[ox.Triple] = []
    size = 0
    for triple in triples:
        if len(taken) >= max_rows:
            return taken, "rows"
        size += len(str(triple).encode()) + 3
        if max_bytes is not None and size > max_bytes:
            return taken, "bytes"
        taken.append(triple)
    return taken, ""


def _not_acceptable(kind: str) -> Reply:
    types = ", ".join(f.media_type for f in FORMATS[kind])
    return _text(406, f"no acceptable format for this result; send Accept with one of: {types}")


# -- the worker process ---------------------------------------------------------------------------

READY = ("ready",)


def cap_memory(memory_mb: int | None) -> None:
    """Cap this process's memory: a query past it fails (MemoryError, or an abort in pyoxigraph) and only
    its worker ends, not the server. RLIMIT_DATA (heap and private mappings), not RLIMIT_AS: RocksDB
    maps its files and reserves address space for its threads far beyond what it uses."""
    if memory_mb:
        limit = memory_mb << 20
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def worker_loop(store_path: str, memory_mb: int | None = None) -> None:
    """Answer pickled jobs from stdin on stdout until stdin closes."""
    cap_memory(memory_mb)
    store = ox.Store.read_only(store_path)
    jobs = sys.stdin.buffer
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to stderr, not into the reply stream
    pickle.dump(READY, replies)  # the parent times a query from here, not from the process start
    replies.flush()
    while True:
        try:
            job = pickle.load(jobs)
        except EOFError:
            return
        try:
            reply = answer(store, job)
        except Exception as err:  # a bug here must not kill the worker
            reply = _text(500, f"the query failed: {type(err).__name__}: {err}")
        # plain values only: the parent knows this module under another name
        pickle.dump((reply.status, reply.body, reply.content_type, reply.truncated), replies)
        replies.flush()
