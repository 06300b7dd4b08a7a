"""Extraction: one article in, one :class:`~kg.graph.records.Record` out.

This package is kg's NLP boundary: spaCy Docs and tokens live here and nowhere
downstream. The rules are driven by data files in ``kg/extract/data`` (gazetteer,
event triggers, modality and attribution cues, boilerplate patterns) that users can
extend without touching code (see README, "Extending the lexicons").

>>> from kg.graph.records import Article
>>> record = extract(Article("t1", "Russia invaded Ukraine."))   # doctest: +SKIP
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.extract import (
    claims,
    collectives,
    commitments,
    dialogue,
    document,
    entities,
    events,
    lexicons,
    membership,
    offices,
    relations,
    triggers,
    voice,
)
from kg.extract.gazetteer import Gazetteer
from kg.extract.peoples import mentions as collective_mentions
from kg.extract.resolver import Resolver
from kg.graph.records import Article, Record, SkipReason, content_id
from kg.read.overrides import Overrides, load_overrides

__all__ = ["Extractor", "extract", "extract_many", "split_paragraphs"]

split_paragraphs = document.split_paragraphs


class Extractor:
    """A spaCy pipeline plus kg's lexicons, compiled once and reused for many articles.

    ``overrides`` is the analyst's override file (:mod:`kg.read.overrides`): a path, loaded :class:`Overrides`,
    or None for ``$KG_OVERRIDES`` (no file when unset).
    """

    def __init__(self, nlp=None, *, overrides: str | Path | Overrides | None = None):
        from kg.extract.nlp import load_model

        self.overrides = overrides if isinstance(overrides, Overrides) else load_overrides(overrides)
        self.nlp = nlp if nlp is not None else load_model()
        document.add_paragraph_breaks(self.nlp)
        entities.add_rank_abbreviations(self.nlp)
        known = lexicons.load_gazetteer()
        self.gazetteer = Gazetteer(self.nlp, known, lexicons.load_derived_gazetteer())
        cues = lexicons.load_cues()
        # a derived row may type a cue word only when the word is itself the act: "promised" is AGREE (CAMEO 030)
        cue_lemmas = frozenset(c.lemma for c in cues) - commitments.COMMISSIVE_VERBS
        self.triggers = triggers.TriggerIndex(
            lexicons.load_triggers(), lexicons.load_derived_triggers(), cue_lemmas, **triggers.place_words(known)
        )
        self.cues = claims.CueIndex.from_cues(cues)
        self.offices = offices.OfficeIndex(lexicons.load_offices())
        self.agents = {noun: sector for noun, sector in lexicons.load_agents().items() if " " not in noun}
        self.agent_nouns = frozenset(self.agents)
        self.boilerplate = document.load_boilerplate()
        self.fingerprint = _fingerprint(self.nlp)
        # the model and the lexicons live as long as the process: out of the collector's generations, a full
        # collection during extraction no longer walks their ~300,000 objects (a few percent of extraction time)
        gc.collect()
        gc.freeze()

    def fingerprint_for(self, article: Article) -> str:
        """The extractor's fingerprint as it applies to ``article``: with the override entries that concern it,
        so that editing the override file re-extracts those articles and no others."""
        digest = self.overrides.digest(article)
        return content_id(self.fingerprint, digest, length=16) if digest else self.fingerprint

    def extract(self, article: Article) -> Record:
        return next(self.extract_many([article]))

    def extract_many(
        self,
        articles: Iterable[Article],
        *,
        jobs: int = 1,
        batch_size: int = 16,
        on_error: Callable[[Article, Exception], None] | None = None,
    ) -> Iterator[Record]:
        """Parse in paragraph chunks (a 160,000-character statement would otherwise take a gigabyte in the
        parser), then join each article's chunks back into one Doc whose text is the article's, exactly.
        ``on_error``: an article whose extraction raises is passed to it with the error and skipped, so that one
        article's bug does not end a batch (without it, the error propagates)."""
        from spacy.tokens import Doc

        stopped = False

        def pieces():
            for article in articles:
                if stopped:
                    return
                chunks = document.split_paragraphs(article.text)
                for i, chunk in enumerate(chunks):
                    yield chunk, (article, i == len(chunks) - 1)

        parts: list = []
        stream = self.nlp.pipe(pieces(), as_tuples=True, n_process=jobs, batch_size=batch_size)
        try:
            for doc, (article, last) in stream:
                parts.append(doc)
                if last:
                    whole = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
                    parts = []
                    try:
                        record = self.from_doc(article, whole)
                    except Exception as err:
                        if on_error is None:
                            raise
                        on_error(article, err)
                        continue
                    yield record
        except (Exception, GeneratorExit):
            # Stop feeding texts and let the workers finish what they hold. Closing spaCy's process pool mid-stream
            # hangs on Linux: each forked worker keeps a copy of the pipe's read end, so a worker blocked sending a
            # parsed batch never sees the parent close it, and the parent waits on the worker forever.
            stopped = True
            for _ in stream:
                pass
            raise

    def from_doc(self, article: Article, doc) -> Record:
        """The converter at the NLP boundary: a parsed Doc becomes a Record."""
        fingerprint = self.fingerprint_for(article)
        if not document.reads_as_english(doc):
            return Record(
                article,
                warnings=(
                    f"{article.path or article.id}: text does not read as English; no entities or events extracted",
                ),
                extractor=fingerprint,
                skipped=SkipReason.NOT_ENGLISH,
            )
        debris, headlines = document.skipped_sentences(doc, article.title, self.boilerplate)
        peoples = collective_mentions(doc, self.gazetteer, self.agent_nouns)
        mentions = entities.find_mentions(doc, self.gazetteer, debris, headlines, peoples)
        table = entities.resolve(doc, mentions, article.id, self.gazetteer, self.overrides)
        # who 'I' and 'we' are in a statement, 'he' and 'they' in a readout: the title says
        title_voice = voice.voice_of(doc, table, article.title, article.source, self.gazetteer, self.cues, article.id)
        resolver = Resolver(doc, table, self.cues, article.id, self.gazetteer, self.overrides, self.agents, title_voice)
        skipped = frozenset(debris | headlines)
        ctx = events.Context(
            doc, table, resolver, self.cues, article.id, article.date, skipped, agent_nouns=self.agent_nouns
        )
        collectives.qualify_groups(resolver)
        found_events = events.find_events(ctx, self.triggers)
        if title_voice is not None:
            found_events = title_voice.joint(found_events)
        found_events = dialogue.told_in_turns(found_events, doc, title_voice)
        found_relations = relations.find_relations(ctx, offices=self.offices)
        known = {(r.subject, r.object) for r in found_relations}  # a title in the text says more than a dictionary
        found_relations += [r for r in self.offices.apply(ctx, article.date) if (r.subject, r.object) not in known]
        warnings = (f"{len(debris)} boilerplate sentence(s) ignored",) if debris else ()
        listed = membership.state_officials(ctx)
        kept = entities.without_bystanders(doc, table, found_events, found_relations, self.cues, listed)
        return Record(article, kept, tuple(found_events), tuple(found_relations), warnings, fingerprint)


def _fingerprint(nlp) -> str:
    """Changes when kg's extraction code, its lexicons, the graph layout or the spaCy model change: then
    articles are extracted and stored again."""
    import hashlib

    digest = hashlib.sha1(f"{nlp.meta.get('name')}-{nlp.meta.get('version')}".encode())
    here = Path(__file__).parent
    # kg/read/overrides.py decides which mentions an override entry matches, so it is part of the extractor;
    # kg/graph/rdf.py decides what a record becomes in the store, so a change there re-ingests too
    for path in sorted(
        [
            *here.glob("*.py"),
            *(here / "data").glob("*"),
            here.parent / "read" / "overrides.py",
            here.parent / "graph" / "rdf.py",
        ]
    ):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(lexicons.fingerprint().encode())
    return digest.hexdigest()[:16]


_default: Extractor | None = None


def _default_extractor() -> Extractor:
    global _default
    if _default is None:
        _default = Extractor()
    return _default


def extract(article: Article, *, extractor: Extractor | None = None) -> Record:
    """Extract entities, events and relations from one article."""
    return (extractor or _default_extractor()).extract(article)


def extract_many(articles: Iterable[Article], *, jobs: int = 1, extractor: Extractor | None = None) -> Iterator[Record]:
    """Extract from many articles, streaming, in input order."""
    return (extractor or _default_extractor()).extract_many(articles, jobs=jobs)
