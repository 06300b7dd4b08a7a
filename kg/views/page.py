"""Page shell for kg's offline HTML views: one self-contained HTML document per view.

* :func:`json_for_script` embeds the payload (see :mod:`kg.views.payload`) in a
  ``<script type="application/json">`` element so that no string can end the
  element (``<``, ``>``, ``&``, U+2028/2029 and lone surrogates are escaped).
* :func:`render_document` assembles a complete single-file HTML document with
  a Content-Security-Policy that allows exactly the inline scripts it
  contains (by sha256 hash), inline styles and ``data:`` images, and nothing
  from any network.
* The page code (filter bar, evidence panel, linked selection, each view) is
  JavaScript and CSS in ``kg/views/assets/``, inlined by :func:`load_asset`.
  All text from the model is inserted with DOM APIs (``textContent``,
  ``createElement``), never as HTML.

This module imports no other view module: network.py, timeline.py and
combined.py import it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "ASSETS_DIR",
    "json_for_script",
    "load_asset",
    "render_document",
    "script_hash",
    "view_page",
    "write_html",
]

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
VIS_NETWORK_JS = "vis-network-10.1.5.min.js"
VIS_NETWORK_CSS = "vis-network-10.1.5.min.css"
VIS_TIMELINE_JS = "vis-timeline-graph2d-8.5.4.min.js"
VIS_TIMELINE_CSS = "vis-timeline-graph2d-8.5.4.min.css"

#: view name -> (library styles, library scripts, our style, our script), all files in ASSETS_DIR
VIEW_ASSETS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str, str]] = {
    "network": ((VIS_NETWORK_CSS,), (VIS_NETWORK_JS, "kg-capture-network.js"), "kg-network.css", "kg-network.js"),
    "timeline": ((VIS_TIMELINE_CSS,), (VIS_TIMELINE_JS, "kg-capture-timeline.js"), "kg-timeline.css", "kg-timeline.js"),
}
#: our code shared by every view, and the call that starts a page once every view registered
COMMON_ASSETS = ("kg-common.css", "kg-common.js", "kg-start.js")
#: every file of our own page code (the rest of ASSETS_DIR is vendored)
OWN_ASSETS = (
    *COMMON_ASSETS,
    *(name for v in VIEW_ASSETS.values() for name in v[2:]),
    *(name for v in VIEW_ASSETS.values() for name in v[1][1:]),
)


# ---------------------------------------------------------------------------
# assets and embedding


_SOURCEMAP_RE = re.compile(r"^[ \t]*(?://|/\*)# sourceMappingURL=[^\n]*$", re.M)


@cache
def load_asset(name: str) -> str:
    """Return a vendored asset's text, ready to be inlined.

    Line endings are normalised to ``\\n`` (the HTML parser does the same, so
    the CSP hash of an inline script matches) and source-map comments are
    removed (they would make developer tools request a file).  Raises
    ``ValueError`` if the asset could end its ``<script>``/``<style>`` element.
    """
    path = ASSETS_DIR / name
    if path.parent != ASSETS_DIR:
        raise ValueError(f"not an asset name: {name!r}")
    text = path.read_text(encoding="utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SOURCEMAP_RE.sub("", text)
    lowered = text.lower()
    if "</script" in lowered or "</style" in lowered or "<!--" in text:
        raise ValueError(f"asset {name} cannot be inlined safely")
    return text


_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")


def json_for_script(obj: Any) -> str:
    """Serialise ``obj`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>``, ``&``, U+2028, U+2029 (and lone surrogates, which cannot be
    encoded as UTF-8) are written as ``\\uXXXX`` escapes, so neither
    ``</script>`` nor ``<!--`` can appear in the element's text.  The result
    is read in the page with ``JSON.parse(el.textContent)``.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_ESCAPE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def script_hash(source: str) -> str:
    """CSP source expression (``'sha256-...'``) for an inline script's text."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _csp(scripts: Iterable[str]) -> str:
    hashes = " ".join(dict.fromkeys(script_hash(s) for s in scripts))
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "font-src 'none'; "
        "connect-src 'none'; "
        "media-src 'none'; "
        "object-src 'none'; "
        "frame-src 'none'; "
        "worker-src 'none'; "
        "manifest-src 'none'; "
        "base-uri 'none'; "
        "form-action 'none'"
    )


def render_document(
    *,
    title: str,
    payload: Mapping[str, Any],
    body: str,
    scripts: list[str],
    styles: list[str],
) -> str:
    """Assemble a complete self-contained HTML document.

    ``body`` is trusted static markup (it must contain no model text);
    ``title`` is escaped here; ``payload`` is embedded with
    :func:`json_for_script` in ``<script id="kg-data" type="application/json">``;
    ``scripts`` and ``styles`` are inlined in order and every script is
    allowed by its sha256 hash in the page's Content-Security-Policy.
    """
    scripts = [s.replace("\r\n", "\n").replace("\r", "\n") for s in scripts]
    for s in scripts:
        if "</script" in s.lower() or "<!--" in s:
            raise ValueError("inline script cannot be embedded safely")
    for s in styles:
        if "</style" in s.lower():
            raise ValueError("inline style cannot be embedded safely")
    safe_title = html.escape(title, quote=True)
    out = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_csp(scripts)}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="generator" content="kg.views">\n',
        f"<title>{safe_title}</title>\n",
    ]
    for s in styles:
        out.append(f"<style>\n{s}\n</style>\n")
    out.append("</head>\n<body>\n")
    out.append(
        f'<header id="kg-header"><h1 id="kg-title">{safe_title}</h1>'
        '<span id="kg-stats" aria-live="polite"></span></header>\n'
    )
    out.append(body)
    out.append('\n<script type="application/json" id="kg-data">')
    out.append(json_for_script(payload))
    out.append("</script>\n")
    for s in scripts:
        out.append(f"<script>{s}</script>\n")
    out.append("</body>\n</html>\n")
    return "".join(out)


def write_html(path: str | os.PathLike[str], html_text: str) -> Path:
    """Write a page (UTF-8, ``\\n`` line endings), creating parent folders."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(html_text)
    return p


# ---------------------------------------------------------------------------
# a view page


def page_body(views: list[str]) -> str:
    """Static skeleton markup (no model text) for the given views."""
    parts = [
        '<div id="kg-layout">',
        '<aside id="kg-filters" aria-label="Filters"></aside>',
        '<main id="kg-views">',
        '<div id="kg-range"></div>',
    ]
    if "network" in views:
        parts.append(
            '<section id="kg-network-section" aria-label="Network">'
            '<div id="kg-network"></div><div id="kg-legend"></div></section>'
        )
    if "timeline" in views:
        parts.append(
            '<section id="kg-timeline-section" aria-label="Timeline">'
            '<div id="kg-timeline"></div><div id="kg-nodate"></div></section>'
        )
    parts.append("</main>")
    parts.append(
        '<aside id="kg-panel" aria-label="Evidence" aria-live="polite">'
        '<p class="kg-muted">Click a node, link or item to see its evidence.</p></aside>'
    )
    parts.append("</div>")
    return "".join(parts)


def view_page(payload: Mapping[str, Any], *, title: str) -> str:
    """The complete page of ``payload["views"]`` (``network``, ``timeline`` or both, in that order)."""
    views = [v for v in VIEW_ASSETS if v in payload["views"]]
    styles = [*(s for v in views for s in VIEW_ASSETS[v][0]), COMMON_ASSETS[0], *(VIEW_ASSETS[v][2] for v in views)]
    scripts = [
        *(s for v in views for s in VIEW_ASSETS[v][1]),
        COMMON_ASSETS[1],
        *(VIEW_ASSETS[v][3] for v in views),
        COMMON_ASSETS[2],
    ]
    return render_document(
        title=title,
        payload=payload,
        body=page_body(views),
        styles=[load_asset(s) for s in styles],
        scripts=[load_asset(s) for s in scripts],
    )
