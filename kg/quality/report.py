"""Scores as figures and text: the counts behind every figure, findings, and the report of a set of articles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any

from kg.quality.gold import EvalError, Span

__all__ = ["FIGURES", "ArticleScore", "Counts", "Finding", "Report", "ratio"]


@dataclass(frozen=True)
class Counts:
    """The counts behind every figure; summing them and recomputing gives exact micro-averages."""

    entity_tp: int = 0
    entity_predicted: int = 0
    entity_gold: int = 0
    type_correct: int = 0
    type_total: int = 0
    event_tp: int = 0
    event_predicted: int = 0
    event_gold: int = 0
    modality_correct: int = 0
    modality_total: int = 0
    attribution_correct: int = 0
    attribution_total: int = 0
    argument_tp: int = 0
    argument_predicted: int = 0
    argument_gold: int = 0
    quantity_correct: int = 0
    quantity_total: int = 0
    time_correct: int = 0
    time_total: int = 0
    relation_tp: int = 0
    relation_predicted: int = 0
    relation_gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


_ACCURACIES = {
    "entity_type_accuracy": ("type_correct", "type_total"),
    "modality_accuracy": ("modality_correct", "modality_total"),
    "attribution_accuracy": ("attribution_correct", "attribution_total"),
    "quantity_accuracy": ("quantity_correct", "quantity_total"),
    "time_accuracy": ("time_correct", "time_total"),
}
_REPORT_ORDER = (
    "entity",
    "entity_type_accuracy",
    "event",
    "modality_accuracy",
    "attribution_accuracy",
    "argument",
    "quantity_accuracy",
    "time_accuracy",
    "relation",
)


def _prf_counts(c: Counts, kind: str) -> dict[str, tuple[int, int]]:
    tp, pred, gold = (getattr(c, f"{kind}_{part}") for part in ("tp", "predicted", "gold"))
    return {
        f"{kind}_precision": (tp, pred),
        f"{kind}_recall": (tp, gold),
        f"{kind}_f1": (2 * tp, pred + gold),
    }


def _figure_counts(c: Counts) -> dict[str, tuple[int, int]]:
    """Each figure as (numerator, denominator), in report order."""
    out: dict[str, tuple[int, int]] = {}
    for item in _REPORT_ORDER:
        if item in _ACCURACIES:
            num, den = _ACCURACIES[item]
            out[item] = (getattr(c, num), getattr(c, den))
        else:
            out.update(_prf_counts(c, item))
    return out


def _figures(c: Counts) -> dict[str, float | None]:
    return {name: ratio(num, den) for name, (num, den) in _figure_counts(c).items()}


FIGURES: tuple[str, ...] = tuple(_figure_counts(Counts()))
"""The names :meth:`Report.meets` accepts, e.g. ``entity_f1``, ``modality_accuracy``."""


@dataclass(frozen=True)
class Finding:
    """One thing a person should look at: a miss, a false finding, or a wrong attribute.

    ``what`` is entity | event | relation (misses and false findings) or type | modality |
    attribution | quantity | time (wrong attributes of matched items).
    """

    article: str
    what: str
    summary: str
    evidence: str
    span: Span | None = None
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d

    def to_text(self) -> str:
        where = f" [{self.span[0]}:{self.span[1]}]" if self.span else ""
        detail = f" -- {self.detail}" if self.detail else ""
        return f"{self.what}: {self.summary}{detail}\n    evidence{where}: {self.evidence!r}"


@dataclass(frozen=True)
class ArticleScore:
    """The counts and findings of one article."""

    article: str
    counts: Counts
    misses: tuple[Finding, ...] = ()
    false_findings: tuple[Finding, ...] = ()
    wrong: tuple[Finding, ...] = ()

    @property
    def figures(self) -> dict[str, float | None]:
        return _figures(self.counts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "figures": self.figures,
            "counts": self.counts.to_dict(),
            "misses": [f.to_dict() for f in self.misses],
            "false_findings": [f.to_dict() for f in self.false_findings],
            "wrong": [f.to_dict() for f in self.wrong],
        }


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        first = str(cells[0]).ljust(widths[0])
        return "  ".join([first, *(str(c).rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))])

    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


_ARTICLE_COLUMNS = (
    "entity_f1",
    "entity_type_accuracy",
    "event_f1",
    "modality_accuracy",
    "attribution_accuracy",
    "argument_f1",
    "quantity_accuracy",
    "time_accuracy",
    "relation_f1",
)
_SHORT = {
    "entity_type_accuracy": "type",
    "modality_accuracy": "modality",
    "attribution_accuracy": "attribution",
    "quantity_accuracy": "quantity",
    "time_accuracy": "time",
}


@dataclass(frozen=True)
class Report:
    """Scores of a set of articles: per article and micro-averaged over all of them."""

    articles: tuple[ArticleScore, ...]

    @property
    def counts(self) -> Counts:
        return sum((a.counts for a in self.articles), Counts())

    @property
    def figures(self) -> dict[str, float | None]:
        """The micro-averaged figures (computed from the summed counts)."""
        return _figures(self.counts)

    @property
    def misses(self) -> tuple[Finding, ...]:
        return tuple(f for a in self.articles for f in a.misses)

    @property
    def false_findings(self) -> tuple[Finding, ...]:
        return tuple(f for a in self.articles for f in a.false_findings)

    @property
    def wrong(self) -> tuple[Finding, ...]:
        return tuple(f for a in self.articles for f in a.wrong)

    def meets(self, bars: Mapping[str, float]) -> list[str]:
        """The bars the overall figures fail, as readable lines; [] when all are met.

        A figure with no cases (None) fails its bar. An unknown figure name is an :class:`EvalError`.
        """
        figures, failed = self.figures, []
        for name, bar in bars.items():
            if name not in figures:
                raise EvalError(f"unknown figure {name!r} in bars; use one of {', '.join(FIGURES)}")
            value = figures[name]
            if value is None:
                failed.append(f"{name}: not measured (no cases), bar {bar:.3f}")
            elif value < bar - 1e-12:
                failed.append(f"{name}: {value:.3f} < {bar:.3f}")
        return failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": {"figures": self.figures, "counts": self.counts.to_dict()},
            "articles": [a.to_dict() for a in self.articles],
        }

    def to_text(self) -> str:
        """An overall table, a per-article table, then the findings grouped by article."""
        overall = [
            [name, _fmt(ratio(num, den)), f"{num}/{den}"] for name, (num, den) in _figure_counts(self.counts).items()
        ]
        lines = [
            f"Overall ({len(self.articles)} articles, micro-averaged)",
            "",
            *_table(["figure", "value", "num/den"], overall),
            "",
        ]
        header = ["article", *(_SHORT.get(c, c) for c in _ARTICLE_COLUMNS)]
        rows = [[a.article, *(_fmt(a.figures[c]) for c in _ARTICLE_COLUMNS)] for a in self.articles]
        lines += ["Per article", "", *_table(header, rows)]
        for a in self.articles:
            groups = (("Missed", a.misses), ("False", a.false_findings), ("Wrong", a.wrong))
            if any(items for _, items in groups):
                lines += ["", f"== {a.article} =="]
            for label, items in groups:
                lines += [f"{label} {f.to_text()}" for f in items]
        return "\n".join(lines) + "\n"
