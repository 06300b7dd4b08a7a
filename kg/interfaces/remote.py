"""Queries on an external SPARQL 1.1 endpoint, e.g. the server ``kg push`` loaded: ``kg query NAME
--endpoint URL`` runs a named query there, as ``kg query NAME`` does on the local store.

Dropped connections are tried again (:mod:`kg.interfaces.retry`). The query goes by the SPARQL 1.1 Protocol (``POST``, URL-encoded form: every server takes it;
Virtuoso 7 does not answer a direct ``application/sparql-query`` body) and the answer is
read as SPARQL JSON results into the same :class:`~kg.graph.store.QueryResult` the store returns. A
server takes no bindings beside the text, so parameters are written into it by
:func:`kg.queries.inline_values` (terms serialised by pyoxigraph, never formatted by hand).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import KgError
from kg.graph.store import QueryResult
from kg.interfaces.retry import DROPPED, fetch
from kg.queries import inline_values

__all__ = ["RemoteError", "remote_sparql"]

_XSD_STRING = str(XSD.string)


class RemoteError(KgError, RuntimeError):
    """The endpoint could not be reached or did not answer with SPARQL JSON results; the message says
    which URL and what to check."""


def remote_sparql(
    endpoint: str, text: str, bindings: Mapping[str, object] | None = None, *, timeout_s: float = 60.0
) -> QueryResult:
    """Run a select query on ``endpoint`` (its SPARQL query URL: Oxigraph ``/query``, Virtuoso and
    Fuseki ``/sparql``); ``bindings`` (variable -> RDF term) are written into the text as VALUES."""
    body = urllib.parse.urlencode({"query": inline_values(text, bindings or {})}).encode("ascii")
    request = urllib.request.Request(
        endpoint,
        data=body,
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
    )
    try:
        answer = fetch(request, timeout_s=timeout_s)
    except urllib.error.HTTPError as err:
        excerpt = " ".join(err.read(400).decode("utf-8", "replace").split())[:200]
        raise RemoteError(
            f"{endpoint}: HTTP {err.code} {err.reason}: {excerpt or '(no body)'}; check that this "
            "is the server's SPARQL query URL (Oxigraph: /query, Virtuoso: /sparql)"
        ) from None
    except urllib.error.URLError as err:
        raise RemoteError(f"{endpoint}: cannot connect ({_reason(err.reason)}); is the server running there?") from None
    except DROPPED as err:
        raise RemoteError(
            f"{endpoint}: the server closed the connection without an answer ({_reason(err)}), "
            "also when tried again; check its log"
        ) from None
    except TimeoutError:
        raise RemoteError(f"{endpoint}: no answer within {timeout_s:g} s; page the query (--limit)") from None
    return _result(endpoint, answer)


def _reason(err) -> str:
    return str(err) or type(err).__name__


def _result(endpoint: str, answer: bytes) -> QueryResult:
    try:
        data = json.loads(answer)
        columns = tuple(data["head"]["vars"])
        rows = tuple(tuple(_term(b.get(c)) for c in columns) for b in data["results"]["bindings"])
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise RemoteError(
            f"{endpoint}: the answer is not SPARQL JSON results ({err}); give the server's "
            "SPARQL query URL, and a select query"
        ) from None
    return QueryResult(columns, rows)


def _term(value: dict | None):
    """One value of SPARQL JSON results as an rdflib term (None when unbound).

    >>> _term({"type": "literal", "value": "7", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}).toPython()
    7
    >>> _term({"type": "literal", "value": "Kyiv", "xml:lang": "en"}), _term({"type": "uri", "value": "urn:x"})
    (rdflib.term.Literal('Kyiv', lang='en'), rdflib.term.URIRef('urn:x'))
    """
    if value is None:
        return None
    kind, text = value["type"], value["value"]
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):  # typed-literal: the SPARQL 1.0 JSON form some servers still write
        if value.get("xml:lang"):
            return Literal(text, lang=value["xml:lang"])
        datatype = value.get("datatype")
        return Literal(text, datatype=URIRef(datatype) if datatype and datatype != _XSD_STRING else None)
    raise ValueError(f"unknown value type {kind!r}")  # _result words it for the user
