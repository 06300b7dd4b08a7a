"""Network and timeline in one page: one filter bar, one evidence panel, linked selection."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .network import network_payload
from .page import view_page
from .timeline import check_lanes

__all__ = ["combined_html"]


def combined_html(
    model: Mapping[str, Any], *, top: int | None = None, lanes: str = "actor", title: str | None = None
) -> str:
    """Network and timeline in one page, with one filter bar, one evidence panel and
    linked selection (selecting an event or entity in one view highlights it in the other)."""
    check_lanes(lanes)
    payload = network_payload(model, top=top)
    payload["views"] = ["network", "timeline"]
    payload["timeline"] = {"lanes": lanes}
    return view_page(payload, title=title if title is not None else (payload["title"] or "kg"))
