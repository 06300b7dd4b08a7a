"""Interactive timeline view (vis-timeline, inlined) of a kg view model.

Items are events on their event time (a range when start and end differ),
in lanes per actor or per source (switchable in the page).  Events without
an event time go to an "undated" lane at their publication date; events with
no date at all are listed under the timeline.  Item and lane contents are
DOM elements built from text (``template``/``groupTemplate``), so
vis-timeline's HTML path (and its XSS filter) is never used for model text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .page import view_page
from .payload import prepare

__all__ = ["timeline_html", "timeline_payload", "LANES"]

LANES = ("actor", "source")


def check_lanes(lanes: str) -> str:
    if lanes not in LANES:
        raise ValueError(f"lanes must be one of {LANES}, not {lanes!r}")
    return lanes


def timeline_payload(model: Mapping[str, Any], *, lanes: str = "actor") -> dict[str, Any]:
    check_lanes(lanes)
    data = prepare(model)
    data["views"] = ["timeline"]
    data["timeline"] = {"lanes": lanes}
    return data


def timeline_html(model: Mapping[str, Any], *, lanes: str = "actor", title: str | None = None) -> str:
    """A complete, self-contained HTML page with the timeline view of ``model``.

    ``lanes`` is the initial lane grouping, ``"actor"`` or ``"source"``
    (outermost cited source, else the outlet); the page can switch without
    reloading.  The model is not modified; the same model gives the same HTML.
    """
    payload = timeline_payload(model, lanes=lanes)
    return view_page(payload, title=title if title is not None else (payload["title"] or "kg timeline"))
