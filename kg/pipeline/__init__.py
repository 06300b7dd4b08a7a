"""The whole pipeline in one call: read -> extract -> build RDF -> store -> serialise.

Streaming: articles are read, parsed and stored one batch at a time, so memory does not
grow with the corpus. Unchanged articles (same content hash in the store) are not parsed
again. Problems in the input are counted and reported, never fatal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.derive import derivation_current, derive
from kg.graph.records import Article, Record, ingest_key
from kg.graph.store import DEFAULT_STORE, Store, opened_store
from kg.queries.files import sparql_file
from kg.read.articles import InputProblem, iter_articles

__all__ = ["MAX_CHARS", "BuildSummary", "RecordTally", "build"]

# Longer articles are skipped (a book, a log dump or a hostile file in a news corpus): work per article is
# linear, but one 20 MB text would still take the parser many minutes and gigabytes.
MAX_CHARS = 2_000_000


@dataclass(frozen=True)
class RecordTally:
    """What a build summary counts of one record: small enough to send back from a worker process."""

    article_id: str
    entities: int = 0
    relations: int = 0
    event_types: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    skipped: str | None = None  # a SkipReason's value, when the extractor passed the article over

    @classmethod
    def of(cls, record: Record) -> RecordTally:
        return cls(
            record.article.id,
            len(record.entities),
            len(record.relations),
            tuple(e.type for e in record.events),
            tuple(e.modality for e in record.events),
            tuple(record.warnings),
            record.skipped.value if record.skipped else None,
        )


@dataclass
class BuildSummary:
    articles: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    problems: list[str] = field(default_factory=list)
    entities: int = 0
    events_by_type: Counter = field(default_factory=Counter)
    events_by_modality: Counter = field(default_factory=Counter)
    relations: int = 0
    triples: int = 0
    outputs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # the warnings of the articles passed over (not English)
    graph: dict = field(default_factory=dict)  # totals over the whole store, see graph_stats
    derived: bool = False  # whether this build derived the graphs that depend on many articles

    @property
    def events(self) -> int:
        return sum(self.events_by_type.values())

    def count(self, record: Record) -> None:
        self.add(RecordTally.of(record))

    def add(self, tally: RecordTally) -> None:
        if tally.skipped:
            self.skipped[tally.skipped] += 1
            self.notices.extend(tally.warnings)
        self.entities += tally.entities
        self.relations += tally.relations
        self.events_by_type.update(tally.event_types)
        self.events_by_modality.update(tally.modalities)
        self.warnings.extend(tally.warnings)

    def counted(self, records: Iterable[Record]) -> Iterator[Record]:
        """``records``, each counted as it passes."""
        for record in records:
            self.count(record)
            yield record

    def to_dict(self) -> dict:
        return {
            "articles": self.articles,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": dict(self.skipped),
            "entities": self.entities,
            "events": self.events,
            "events_by_type": dict(self.events_by_type),
            "events_by_modality": dict(self.events_by_modality),
            "relations": self.relations,
            "triples": self.triples,
            "outputs": self.outputs,
        }

    def to_text(self) -> str:
        """The graph's totals (the whole store, not only what this run added)."""
        g = self.graph
        lines = [
            f"articles   {self.articles} ({self.added} added, {self.updated} updated, {self.unchanged} unchanged"
            + (
                f", {sum(self.skipped.values())} skipped: "
                + ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items()))
                if self.skipped
                else ""
            )
            + ")",
            f"entities   {g.get('entities', self.entities)}",
            f"events     {g.get('events', self.events)}: " + _counts(g.get("events_by_type", self.events_by_type)),
            "modality   " + _counts(g.get("events_by_modality", self.events_by_modality)),
            f"relations  {g.get('relations', self.relations)}",
            f"triples    {self.triples}",
        ]
        if self.derived and self.unchanged and not (self.added or self.updated):
            lines.append(
                "derived    again: the store's derived graphs were missing or out of date "
                "(an interrupted build, or new rules)"
            )
        lines += [f"wrote      {p}" for p in self.outputs]
        return "\n".join(lines)


def _counts(counter) -> str:
    return ", ".join(f"{k} {n}" for k, n in sorted(dict(counter).items(), key=lambda kv: (-kv[1], kv[0]))) or "none"


def graph_stats(store: Store) -> dict:
    """Totals over the whole store: entities, events by type and by modality, relations."""
    totals = {"entities": 0, "relations": 0}
    by_type: Counter[str] = Counter()
    by_modality: Counter[str] = Counter()
    for r in store.select(sparql_file(__package__, "stats.rq")).to_python():
        if r["what"] in totals:
            totals[r["what"]] = int(r["n"])
        else:
            (by_type if r["what"] == "type" else by_modality)[r["key"]] = int(r["n"])
    return {**totals, "events_by_type": by_type, "events_by_modality": by_modality, "events": sum(by_type.values())}


def build(
    paths: Iterable[str | Path],
    *,
    store: Store | str | Path | None = DEFAULT_STORE,
    out: Iterable[str | Path] = (),
    jobs: int = 1,
    extractor=None,
    overrides: str | Path | None = None,
    progress: Callable[[int], None] | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    max_chars: int = MAX_CHARS,
    article_timeout: float | None = None,
) -> BuildSummary:
    """Ingest articles into ``store`` and write each of ``out`` (format by suffix). ``overrides`` is the
    override file for entity resolution (:mod:`kg.read.overrides`; default ``$KG_OVERRIDES``), when no
    ``extractor`` is given. An article longer than ``max_chars`` characters is reported and skipped; with
    ``jobs`` > 1, so is one that takes a worker more than ``article_timeout`` seconds
    (default :data:`kg.pipeline.parallel.ARTICLE_TIMEOUT`)."""
    from kg.extract import Extractor

    summary = BuildSummary()
    with opened_store(store) as st:
        extractor = extractor or Extractor(overrides=overrides)
        known = st.hashes()
        articles = changed_articles(
            paths,
            summary,
            known,
            extractor.fingerprint_for,
            progress=progress,
            on_problem=on_problem,
            max_chars=max_chars,
        )
        if jobs > 1:
            from kg.pipeline.parallel import ARTICLE_TIMEOUT, extract_parallel

            records = extract_parallel(
                articles,
                jobs=jobs,
                overrides=extractor.overrides,
                budget=article_timeout or ARTICLE_TIMEOUT,
                report=problem_reporter(summary, on_problem),
            )
        else:
            records = extractor.extract_many(articles, on_error=_skip_failed(problem_reporter(summary, on_problem)))
        report = st.ingest(summary.counted(records), known=known)
        summary.added, summary.updated = len(report.added), len(report.updated)
        finish(summary, st, out)
    return summary


# -- the parts every way of building shares (see also kg.pipeline.distributed) -------------------------------


def changed_articles(
    paths: Iterable[str | Path],
    summary: BuildSummary,
    known: dict[str, str],
    fingerprint: str | Callable[[Article], str],
    *,
    progress: Callable[[int], None] | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    max_chars: int = MAX_CHARS,
) -> Iterator[Article]:
    """Stream the articles under ``paths`` that need extracting: input problems are counted in ``summary``
    and skipped, and so is an article longer than ``max_chars`` or one whose stored key (``known``) says nothing changed. ``fingerprint`` is
    the extractor's, or a function giving it per article (``Extractor.fingerprint_for``: override entries)."""

    problem = problem_reporter(summary, on_problem)
    for article in iter_articles(paths, on_problem=problem):
        summary.articles += 1
        if progress:
            progress(1)
        if len(article.text) > max_chars:
            problem(
                InputProblem(
                    article.path or article.id,
                    "too-long",
                    f"article {article.id!r} has {len(article.text):,} characters, more than --max-chars "
                    f"{max_chars:,}; skipped. Split it, or raise --max-chars.",
                )
            )
            continue
        key = fingerprint(article) if callable(fingerprint) else fingerprint
        if known.get(article.id) == ingest_key(article, key):
            summary.unchanged += 1
            continue
        yield article


def _skip_failed(report: Callable[[InputProblem], None]) -> Callable[[Article, Exception], None]:
    """What to do with an article whose extraction raised (a bug kg has on that text): report it and go on,
    as the worker processes of ``--jobs N`` do."""

    def skip(article: Article, err: Exception) -> None:
        error = f"{type(err).__name__}: {err}"
        report(InputProblem.of_article(article, "extract-error", f"extraction failed ({error}); skipped."))

    return skip


def problem_reporter(summary: BuildSummary, on_problem: Callable[[InputProblem], None] | None):
    """A function that counts a skipped input in ``summary`` and passes it on to ``on_problem``."""

    def problem(p: InputProblem) -> None:
        summary.skipped[p.reason] += 1
        summary.problems.append(str(p))
        if on_problem:
            on_problem(p)

    return problem


def finish(summary: BuildSummary, store: Store, out: Iterable[str | Path]) -> None:
    """After ingest: derive what depends on many articles (entity labels, plan status, tallies) if the
    store changed, or if its last derivation is missing (an interrupted build) or was made by other rules;
    count the whole store into ``summary`` and write each of ``out``."""
    if summary.added or summary.updated or not derivation_current(store):
        summary.derived = True
        derive(store)
    summary.triples = len(store)
    summary.graph = graph_stats(store)
    for path in out:
        summary.outputs.append(str(store.dump(path)))
