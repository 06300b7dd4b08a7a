"""Score extraction records against hand-made gold (its format: docs/records.md, "Gold files for kg eval").

A gold folder holds ``<id>.gold.json`` files, each naming its text file in ``article.file``.
:func:`~kg.quality.gold.load_gold` reads and checks them, :func:`evaluate` runs an extractor over every gold
article and scores it, :func:`score` and :func:`~kg.quality.align.score_article` score records you already have.
The :class:`~kg.quality.report.Report` gives every figure per article and micro-averaged (from summed counts), and
lists every miss, false finding and wrong attribute with its evidence.

The rules:

* **Names** are compared after :func:`normalise`: lower case, possessive ``'s`` (or with U+2019) removed,
  punctuation (Unicode category P*) deleted, white space collapsed, one leading "the/a/an" removed.
* **Entities.** A predicted entity matches a gold one when its name or a mention text equals the
  gold name or an alias (normalised, never on an empty string), or both have the same Wikidata id.
* **Greedy one-to-one alignment** (entities, events, relations, event arguments): required gold
  items first, then optional ones; within each, gold in file order (events: in text order, i.e.
  by where their evidence first occurs, ties in file order); each gold item takes the first
  still-unmatched predicted item (in the record's order; events: in text order) that matches.
* **Optional gold items** (``optional: true``) are not misses when unfound; the predicted item a
  gold optional item takes is neither a true positive nor a false positive, and such pairs are left
  out of every accuracy. An event argument naming an optional gold entity is optional in the same way.
* **Events** match on type (predicted type among the gold types), overlapping evidence spans, and,
  when the gold event has actors, at least one predicted actor matching a gold actor under the
  entity rule. Gold evidence given as a string is looked up in the text; if it occurs more than
  once, *every* occurrence counts (a predicted span overlapping any of them overlaps, i.e. the
  occurrence nearest the prediction is used) and the first occurrence places it in text order.
  Gold evidence that does not occur in the text is an :class:`~kg.quality.gold.EvalError`.
* **Over matched (required) events:** modality accuracy (predicted modality among the gold ones);
  attribution accuracy (both source lists empty, or a predicted source matches a gold source);
  argument P/R/F1, role-sensitive (a predicted actor can only match a gold actor, a recipient only
  a gold recipient; locations are not arguments); quantity accuracy where the gold has a quantity
  (values equal as floats; a missing predicted quantity is wrong); time accuracy where the gold has
  a time with a start (``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` cover their whole days, a missing end
  means the start, and the intervals must overlap; a missing or unreadable predicted time is wrong).
* **Relations** match on type, subject and object (either order for ``allied_with``).
* **Figures.** Precision is ``tp / predicted``, recall ``tp / gold``, F1 ``2 tp / (predicted + gold)``;
  a figure whose denominator is 0 is ``None`` (never 1.0). Entity type accuracy compares coarse
  classes {Person}, {Organization, NewsOutlet, Group}, {Country, Place}.

The code: :mod:`kg.quality.gold` (gold files, parsed forms), :mod:`kg.quality.align` (matching and scoring
one article), :mod:`kg.quality.report` (figures and the printed report); this module runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from kg.graph.records import Article
from kg.quality.align import score_article
from kg.quality.gold import GoldArticle, load_gold
from kg.quality.report import Report

__all__ = ["evaluate", "score"]


def score(pairs: Iterable[tuple[Mapping[str, Any], GoldArticle]]) -> Report:
    """Score ``(predicted record, gold article)`` pairs into one :class:`Report`."""
    return Report(
        tuple(
            score_article(pred, ga.gold, ga.article.text, where=str(ga.path) if ga.path else None) for pred, ga in pairs
        )
    )


def evaluate(gold_dir: str | Path, extract: Callable[[Article], Mapping[str, Any]]) -> Report:
    """Run ``extract`` on every gold article in ``gold_dir`` and score what it returns.

    ``extract`` returns an extraction record dict (an object with ``to_dict()``, such as
    :class:`kg.graph.records.Record`, is converted).
    """
    pairs = []
    for ga in load_gold(gold_dir):
        predicted = extract(ga.article)
        pairs.append((predicted.to_dict() if hasattr(predicted, "to_dict") else predicted, ga))
    return score(pairs)
