"""A view inside a notebook: the self-contained page in a sandboxed iframe (``KnowledgeGraph.show_network``)."""

from __future__ import annotations

import base64
import gzip
from html import escape

__all__ = ["inline_page"]


def inline_page(html: str, *, height: int = 560):
    """A self-contained HTML page as a notebook display: an iframe sandboxed to its scripts, nothing fetched
    and no file beside the notebook. The page is stored gzipped and base64-encoded (a view's inlined
    vis-network is 0.9 MB as text, 0.27 MB so) and unpacked by the iframe's browser (``DecompressionStream``,
    in every current browser), so a notebook that shows a view stays well under 1 MB."""
    from IPython.display import HTML

    packed = base64.b64encode(gzip.compress(html.encode("utf-8"), mtime=0)).decode("ascii")
    # in a div: IPython warns about HTML that starts with <iframe ("Consider using IFrame"), which cannot srcdoc
    return HTML(
        f'<div class="kg-page"><iframe srcdoc="{escape(_UNPACK.replace("PACKED", packed), quote=True)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ccc" sandbox="allow-scripts"></iframe></div>'
    )


# the iframe's whole document: base64 -> gzip stream -> text, written over itself (the page's own CSP then applies)
_UNPACK = (
    "<!doctype html><meta charset=utf-8><script>(async () => {"
    "const bytes = Uint8Array.from(atob('PACKED'), c => c.charCodeAt(0));"
    "const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();"
    "document.open(); document.write(text); document.close();})();</script>"
)
