"""Which entities a token stands for: its own mention, a pronoun's antecedent, a demonym's state, the
teller of a reported clause. One :class:`Resolver` per article; the event and relation finders ask it."""

from __future__ import annotations

import dataclasses

from kg.extract import (
    anaphora,
    claims,
    collectives,
    descriptions,
    entities,
    first_person,
    names,
    outlet_kinds,
    owned_forces,
    phrases,
    plural,
    quotes,
    referents,
    speakers,
    voice,
    words,
)
from kg.extract.gazetteer import Gazetteer
from kg.extract.nlp import doc_text
from kg.graph.records import Mention, content_id
from kg.read.overrides import Overrides

# what a person says, not a document: its owner is the source ('Their comments show'), never the noun itself
_UTTERANCES = frozenset({"comment", "remark", "word", "speech", "interview", "tweet"})


class Resolver:
    """Which entities a token stands for: its mention, a pronoun's antecedent, a demonym's state."""

    def __init__(
        self,
        doc,
        table: entities.EntityTable,
        cues: claims.CueIndex,
        article_id: str,
        gazetteer: Gazetteer,
        overrides: Overrides,
        agents: dict[str, str] | None = None,
        title_voice: voice.TitleVoice | None = None,
    ):
        self.doc, self.table, self.cues, self.article_id = doc, table, cues, article_id
        self.voice = title_voice
        self.gazetteer, self.overrides = gazetteer, overrides
        self.agents = agents or {}
        self.phrase_sources: dict[int, str] = {}  # token index -> entity made from an unnamed speaker's phrase
        self._resolving: set[int] = set()  # tokens being resolved now, to stop cycles between pronouns
        self._agreement: dict[tuple[str, str | None], bool] = {}  # (entity id, pronoun gender) -> may stand for it
        self._plural: dict[int, list[str]] = {}  # token index of a plural anaphor -> the parties it takes up
        self._we: list[str] | None = None  # the authors a statement names ("We, the Leaders of the G7,")
        self._chain: dict[int, list[str]] = {}  # token index of a subject 'he' / 'she' -> whom it stands for
        self._chain_depth = 0  # pronouns being resolved through a chain now
        self.person_mentions = sorted(
            (m for m in table.mentions if table.get(table.by_token[m.head]).type == "Person"),
            key=lambda m: m.start,
        )
        self.untyped_mentions = sorted(  # names of persons the tagger typed as organisations ('Reynolds says')
            (m for m in table.mentions if _untyped_person(table, table.by_token[m.head])),
            key=lambda m: m.start,
        )

    def resolve(self, tok) -> list[str]:
        if tok.i in self._resolving:
            return []  # a cycle ('we' in a quotation framed by 'it', whose antecedent is that 'we'): nothing new
        self._resolving.add(tok.i)
        try:
            return self._resolve(tok)
        finally:
            self._resolving.discard(tok.i)

    def _resolve(self, tok) -> list[str]:
        table = self.table
        spoken = first_person.first_person(self, tok)
        if spoken:  # 'we' in a statement: its author and the author's state; in a quotation: its speaker's
            return spoken
        eid = table.by_token.get(tok.i)
        if eid is None or table.get(eid).type == "Group":
            states = self._coordinated_states(tok)
            if len(states) > 1:
                return states
            owned = owned_forces.owned_forces(self, tok)
            if owned:  # "Russia said its forces had struck": Russia's armed forces, not some 'forces'
                return owned
        if eid is not None:
            return [eid]
        listed = [e for c in referents.listed(tok) for e in self.resolve(c)]
        if listed:  # "two states, A and B, voted", "four states sided with X: A, B, C and D"
            return list(dict.fromkeys(listed))
        named = [e for c in tok.children if c.dep_ == "appos" for e in self.resolve(c) or self._name_within(c)]
        named = named or [e for p in referents.name_after_title(tok) for e in self.resolve(p)]
        if named:  # "chief of staff, Yermak," -> Yermak; "Director of National Security Park Jisoo" -> Park Jisoo
            return named
        lower = tok.lower_
        if lower in words.PRONOUNS_PERSON:
            return self._teller(tok) or self._last_person(tok)
        if lower in words.RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            return referents.relative(tok, self.resolve, self._type_of)
        if lower in words.RELATIVE_PRONOUNS and tok.head.dep_ == "ccomp":  # "it was Ruritania that closed it"
            return [e for f in referents.cleft_focus(tok) for e in self.resolve(f)]
        if lower in ("we", "our", "us") and self._authors():  # a statement signed "We, the Leaders of the G7,"
            return self._authors()
        if lower in words.PRONOUNS_OTHER and tok.dep_ in ("nsubj", "nsubjpass"):
            speech = tok.head.head if tok.head.dep_ == "ccomp" else None
            if speech is not None and self.cues.is_speech(speech):
                tellers = [e for s in anaphora.speech_subjects(speech) for e in self.resolve(s)]
                if lower == "they" and (not tellers or len(tellers) == 1 and self._type_of(tellers[0]) == "Person"):
                    # '"They will exchange views," Peskov said': one person's 'they' are others
                    return self._plural_antecedents(tok)
                if lower == "it":  # "Tamm said that if Russia won, it could invade Poland": a person is no 'it'
                    found = [e for e in tellers if self._type_of(e) not in ("Person", "Group")]  # nor are 'diplomats'
                    if found:
                        return found
                    in_clause = anaphora.clause_antecedent(tok, self.resolve, self._type_of)
                    return in_clause or anaphora.nearest_subject(tok, self.resolve, self._type_of, in_clause)
                return tellers
            claimed = anaphora.claimant(tok, self.cues.source_nouns, self.resolve, self._type_of)
            if claimed:  # "dismissed Serbia's claim that it was pulling back": Serbia, not whoever dismissed it
                return claimed
            if lower == "it" and tok.head.dep_ == "ROOT":  # a main clause leans on no clause: no party is as near
                return self._previous_subject(tok) or anaphora.nearest_subject(tok, self.resolve, self._type_of, [])
            found = self._plural_antecedents(tok)
            if found:
                return found
            in_clause = anaphora.clause_antecedent(tok, self.resolve, self._type_of)
            found = in_clause or self._embedded_teller(tok)
            return found or anaphora.nearest_subject(tok, self.resolve, self._type_of, in_clause)
        if lower == "their" or tok.tag_ == "NNS":  # "their support", "the two leaders agreed"
            found = self._plural_antecedents(tok)
            if found:
                return found
        kind = descriptions.kind_of(tok) if tok.dep_ in ("nsubj", "nsubjpass") or _by_phrase(tok) else None
        if kind is not None:
            # "A spokesman for the Houthis said the group had fired ...", "NATO met. The alliance agreed ...": the
            # body of the story, as its owner
            return self.the_country(tok, kind)
        return (
            self.resolve_modifier(tok)
            or anaphora.part_of_group(tok, self.table.by_token.get, self._type_of)
            or anaphora.polity_of_person(tok, self.resolve, self._type_of, self.states_of)
            or collectives.collective(self, tok)
            or self._people_of(tok)
            or referents.state_side(tok, self.resolve_modifier, self._type_of)
        )

    def resolve_owner(self, owner) -> list[str]:
        """What a possessive pronoun or description stands for where its phrase's mention covers it ('its' in a
        mention 'its forces', 'the country' in "the country's forces"): the owner read as if the phrase had no
        mention; 'its' or 'their' that nothing else explains is the nearest state or body named before it."""
        held = self.table.by_token.pop(owner.i, None)
        try:
            found = self.resolve(owner)
        finally:
            if held is not None:
                self.table.by_token[owner.i] = held
        if found or owner.lower_ not in ("its", "their"):
            return found
        kinds = ("Country", "Organization", "Group") if owner.lower_ == "their" else ("Country", "Organization")
        for i in range(owner.i - 1, owner.sent.start - 1, -1):
            eid = self.table.by_token.get(i)
            if eid is not None and self._type_of(eid) in kinds:
                return [eid]
        return []

    def _name_within(self, tok) -> list[str]:
        """'the emir, Sheikh Tamim bin Hamad al-Thani,': the one person a name's words before its head name, where the
        name's mention stops short of the head."""
        found = {self.table.by_token.get(c.i) for c in tok.children if c.dep_ == "compound"} - {None}
        people = [e for e in found if e is not None and self._type_of(e) == "Person"]
        return people if len(people) == 1 == len(found) else []

    def _embedded_teller(self, tok) -> list[str]:
        """'Latvia said that if it were attacked, it would retaliate': 'it' in a clause leaning on a reported
        clause, with no state or body named before it there, is the teller (a state or body, never a person)."""
        speech = anaphora.reporting_verb(tok)
        if speech is None or not self.cues.is_speech(speech):
            return []
        tellers = [e for s in anaphora.speech_subjects(speech) for e in self.resolve(s)]
        return [e for e in tellers if self._type_of(e) != "Person"]

    def _coordinated_states(self, tok) -> list[str]:
        """'Hungarian and Romanian officials', 'U.S. and Ukrainian industries': a group qualified by two states or
        more acts for each of them (as PLOVER codes it), not as one opaque group."""
        if tok.tag_ not in ("NNS", "NNPS"):
            return []
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
        mods += [d for m in mods for d in m.subtree if d.dep_ == "conj" and d.i < tok.i]
        if not any(m.dep_ == "conj" for m in mods):
            # "the leaders of France and Germany", "officials of Hungary and Romania": the same, named after
            mods = plural.of_coordination(tok)
            if len(mods) < 2:
                return []
        found = []
        for m in mods:
            eid = self.table.by_token.get(m.i)
            if eid is not None and self._type_of(eid) == "Country":
                found.append(eid)
            else:
                found += self._demonym_state(m, or_name=True)
        return list(dict.fromkeys(found))

    def _type_of(self, eid: str) -> str:
        return self.table.get(eid).type

    def states_of(self, person: str) -> list[str]:
        """The states a person's titles name ('French Foreign Minister Catherine Colonna' -> France)."""
        heads = [self.doc[m.head] for m in self.table.mentions if self.table.by_token.get(m.head) == person]
        words = [w for h in heads for w in anaphora.title_words(h)]
        found = [e for w in words for e in self.resolve_modifier(w) if self._type_of(e) == "Country"]
        found += [e for w in words if w.i in self.table.by_token for e in self._demonym_state(w)]  # inside the name
        return list(dict.fromkeys(found))

    def _demonym_state(self, tok, or_name: bool = False) -> list[str]:
        """The state a demonym ('Romanian') names, or with ``or_name`` also a state's own name ('U.S.')."""
        entry = self.gazetteer.demonym(tok.text)
        if entry is None and or_name:
            entry = self.gazetteer.entry_for(self.gazetteer.key_for(tok.text))
        if entry is None or entry.type != "Country" or self._split(tok.text, entry):
            return []
        return [self.add_demonym(entry, tok)]

    def _people_of(self, tok) -> list[str]:
        """'condolences to the people of Israel', 'our support for the people of Ukraine': a state's people
        stand for the state when no collective of them is known."""
        if tok.lemma_.lower() not in ("people", "citizen", "population"):
            return []
        places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        ids = [e for p in places if p.dep_ == "pobj" for e in self.resolve(p)]
        return [e for e in ids if self.table.get(e).type == "Country"][:1]

    def _authors(self) -> list[str]:
        """Who 'we' are in a statement that names its authors: "We, the Leaders of the G7, condemn ..." (the
        body a group of its members speaks for: 'the Leaders of the G7' -> the G7)."""
        if self._we is None:
            self._we = []
            for tok in self.doc:
                if tok.lower_ == "we" and not quotes.in_quote(self.doc, self.cues, tok.idx):
                    for named in (c for c in tok.children if c.dep_ == "appos"):
                        body = [p for c in named.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
                        self._we = self.resolve(named) or [i for p in body for i in self.resolve(p)]
                        return self._we
                    # "Today, the leaders of A, B and C met ... We condemn ...": the parties just named
                    self._we = plural.antecedents(tok, self.resolve, lambda eid: self.table.get(eid).type)
                    return self._we
        return self._we

    def _plural_antecedents(self, tok) -> list[str]:
        if not plural.is_plural_anaphor(tok):
            return []
        if tok.i not in self._plural:  # each anaphor once: an earlier 'they' may be asked again and again
            self._plural[tok.i] = []  # and never through itself
            type_of = lambda eid: self.table.get(eid).type  # noqa: E731
            self._plural[tok.i] = (
                plural.collective_subject(tok, self.resolve, type_of)
                or plural.antecedents(tok, self.resolve, type_of)
                or plural.group_antecedent(tok, self.resolve, type_of)
            )
        return self._plural[tok.i]

    def addressee(self, actors: list[str]) -> list[str]:
        """Whom a stance with no one named is addressed to: in a readout, the principal's to the other party."""
        return self.voice.addressee(actors) if self.voice is not None else []

    def side_of(self, eid: str) -> list[str]:
        """The state the title's author speaks for beside herself, or []."""
        return self.voice.side_of(eid) if self.voice is not None else []

    def own_voice(self, tok) -> list[str]:
        """Who says a statement's own words at ``tok`` (kg.extract.voice.TitleVoice.own_voice), or []."""
        return self.voice.own_voice(tok) if self.voice is not None else []

    def author_at(self, tok) -> list[str]:
        """Who tells ``tok`` in the text's own voice (a statement's author, a transcript's speaker), or []."""
        return self.voice.author_at(tok) if self.voice is not None else []

    def resolve_source(self, tok) -> list[str]:
        """Who a speech or belief verb's subject is: an entity, else the noun phrase itself becomes one ('the poll',
        'several friends', 'his campaign', 'leaked documents'): an unnamed source is still a source."""
        if self.voice is not None and self.voice.speaks(tok):
            return []  # a statement's 'I' and 'we' are its own voice, as the article's: no source
        clause = words.first_conjunct(tok.head)  # 'a president who authorized X and who hoped'
        if tok.lower_ in words.RELATIVE_PRONOUNS and clause.dep_ == "relcl":
            antecedent = clause.head  # 'officials who condemned ...': the unnamed antecedent is the source
            if antecedent.dep_ == "appos" and not self.resolve(antecedent):
                antecedent = antecedent.head
            return self.resolve_source(antecedent)
        whole = _part_of(tok)
        if whole is not None:  # 'some of his backers said', 'one of two witnesses said': the group speaks
            found = self.resolve(whole)
            if found or not (self.cues.may_name_a_source(whole) or _tells(whole, self.cues, tok)):
                return found
            if tok.i not in self.phrase_sources:  # the phrase names the part: 'some of the candidates'
                self.phrase_sources[tok.i] = self._add_phrase(whole, phrases.left_edge(tok))
            return [self.phrase_sources[tok.i]]
        found = self.resolve(tok) or speakers.earlier_speaker(self, tok)
        if not found and self._party_member(tok):
            found = self._last_person(tok)  # 'after the Republican dismissed it': the politician just named
        if not found and tok.lemma_.lower() in _UTTERANCES:
            # 'his comments suggested', 'the remark signalled': an utterance is its speaker's, no source of its own
            return [e for c in tok.children if c.dep_ == "poss" for e in self.resolve(c)]
        if found or tok.pos_ not in ("NOUN", "PROPN"):
            return found
        found = outlet_kinds.named_outlet(self, tok)
        if found:
            return found
        if not self.cues.may_name_a_source(tok) and not _tells(tok, self.cues):
            return found
        if tok.i not in self.phrase_sources:
            self.phrase_sources[tok.i] = self._add_phrase(tok)
        return [self.phrase_sources[tok.i]]

    def _add_phrase(self, tok, first: int | None = None) -> str:
        """An entity for an unnamed speaker's phrase, headed by ``tok`` (starting at ``first`` when given)."""
        doc, table = self.doc, self.table
        start, end = names.trim(doc, phrases.left_edge(tok), tok.i + 1)
        name = entities.clean_name(doc[start:end].text)
        if first is not None:  # 'some of the senators': named by the group, the mention keeps the part word
            start = first
        if tok.tag_ in ("NNS", "NNPS"):
            etype = "Group"
        elif tok.lemma_.lower() in words.PERSON_ROLES or tok.ent_type_ == "PERSON":
            etype = "Person"
        else:
            etype = "Organization"
        key = f"source:{etype}:{name.lower()}"
        mention = entities.Mention(start, end, etype, key, name, tok.i, "np")
        for i, e in enumerate(table.entities):
            if e.id == "e" + content_id(self.article_id, key, length=10):
                table.entities[i] = dataclasses.replace(e, mentions=(*e.mentions, entities._record(doc, mention)))
                return e.id
        table.entities.append(entities._entity(doc, key, [mention], self.article_id))
        return table.entities[-1].id

    def bloc(self, tok) -> list[str]:
        """The bloc an adjective owning an act names ('Western sanctions' -> the West), or []."""
        return collectives.bloc(self, tok)

    def resolve_modifier(self, tok) -> list[str]:
        eid = self.table.by_token.get(tok.i)
        if eid is not None:
            return [eid]
        if tok.dep_ not in ("amod", "compound", "nmod", "poss", "npadvmod") and tok.pos_ != "ADJ":
            return []
        kind = descriptions.kind_of(tok) if tok.dep_ == "poss" else None
        if kind is not None:  # "the country's Prime Minister", "the alliance's members"
            return self.the_country(tok, kind)
        entry = self.gazetteer.demonym(tok.text)
        if entry is None or self._split(tok.text, entry):
            return []
        return [self.add_demonym(entry, tok)]

    def the_country(self, tok, kind: descriptions.Kind = descriptions.KINDS["country"]) -> list[str]:
        """ "Serbia refused, the country's Prime Minister X said" ("Hamas denied it, the group's spokesman said"): of
        the states (bodies of the ``kind``) named in its sentence or the one before, the one the article names most
        (the story's), then one that is a subject there ('Chile will send troops to Peru'), then the last named."""
        first = self.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else 0
        states = []
        for i in range(tok.i - 1, first - 1, -1):
            eid = self.table.by_token.get(i)
            entry = self.table.entries.get(eid) if eid is not None else None
            if eid is not None and kind.fits(self.table.get(eid).type, entry.sector if entry is not None else None):
                subject = self.doc[i].dep_ in ("nsubj", "nsubjpass")
                states.append((len(self.table.get(eid).mentions), subject, eid))
        return [max(states, key=lambda s: s[:2])[2]] if states else []

    def _party_member(self, tok) -> bool:
        """'the Republican', 'the Democrat': one member of a party, written for a person the article names."""
        singular = tok.tag_ in ("NNP", "NN") and any(c.lower_ == "the" for c in tok.children)
        return singular and tok.lower_ in self.gazetteer.party_words

    def party_of(self, tok) -> list[str]:
        """The party a member's word names ('a Republican', 'the Democrat'), as an entity, or []."""
        entry = self.gazetteer.demonym(tok.text)
        if entry is None or entry.sector != "PTY" or not tok.text[:1].isupper() or self._split(tok.text, entry):
            return []
        return [self.add_demonym(entry, tok)]

    def _split(self, text: str, entry) -> bool:
        """'split,Russian,Russia' in the override file: this demonym does not stand for the state here."""
        o = self.overrides.find(text, self.article_id)
        return o is not None and o.action == "split" and o.names((entry.name, *entry.aliases, entry.wikidata))

    def add_demonym(self, entry, tok) -> str:
        """The entity of the state a demonym (or a place word) names, ``tok`` recorded as its mention: the one the
        article already has, else a new one from the gazetteer row."""
        table = self.table
        key = f"gz:{entry.name}"
        span = Mention(tok.text, tok.idx, tok.idx + len(tok.text), "demonym")
        for i, e in enumerate(table.entities):
            if e.name == entry.name and e.wikidata == entry.wikidata:
                if all((m.start, m.end) != (span.start, span.end) for m in e.mentions):
                    table.entities[i] = dataclasses.replace(e, mentions=(*e.mentions, span))
                return e.id
        mention = entities.Mention(
            tok.i, tok.i + 1, entry.type, key, entry.name, tok.i, "gazetteer", entry, rule="demonym"
        )
        table.entities.append(entities._entity(self.doc, key, [mention], self.article_id))
        table.entries[table.entities[-1].id] = entry
        return table.entities[-1].id

    def _previous_subject(self, tok) -> list[str]:
        """'The United States has provided ... And it has released ...': a state or body as last subject."""
        sent = tok.sent
        if sent.start == 0:
            return []
        prev = self.doc[sent.start - 1].sent
        clauses = [prev.root, *(c for c in prev.root.children if c.dep_ == "ccomp")]  # "X did Y, the statement said"
        subjects = [c for v in clauses for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        ids = [e for s in subjects for e in self.resolve(s)]
        table = self.table
        return [e for e in ids if table.get(e).type in ("Country", "Organization")][:1]

    def _teller(self, tok) -> list[str]:
        """'The chancellor told the Polish president she would send ...': the subject of a reported clause is
        the teller, not the nearest person named before it."""
        clause = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or not self.cues.is_speech(clause.head):
            return []
        table = self.table
        subjects = anaphora.speech_subjects(clause.head)
        if any(s.lower_ in words.PRONOUNS_PERSON and _gender(s) != _gender(tok) for s in subjects):
            return []  # "she said he would": he is someone else
        tellers = [e for s in subjects for e in self.resolve(s)]
        text = doc_text(self.doc)
        return [e for e in tellers if table.get(e).type == "Person" and speakers.agrees(tok, text, table.get(e))][:1]

    def _agrees(self, pronoun, mention) -> bool:
        eid = self.table.by_token[mention.head]
        key = (eid, speakers.pronoun_gender(pronoun))
        if key not in self._agreement:
            self._agreement[key] = speakers.agrees(pronoun, doc_text(self.doc), self.table.get(eid))
        return self._agreement[key]

    def _last_person(self, tok) -> list[str]:
        """The nearest person named before ``tok`` who agrees with it ('she' is not 'Mr. Cruz'); outside a
        quotation, not one named inside one ('"Cruz has fought for us," she said': she is not Cruz)."""
        before = [m for m in self.person_mentions if m.start < tok.i and self._agrees(tok, m)]
        doc, cues = self.doc, self.cues
        spoke = None
        if tok.dep_ == "nsubj" and cues.attributing(tok.head) and not quotes.in_quote(doc, cues, tok.idx):
            spoke = self._last_speaker(tok, before)
        if not before:
            return [self.table.by_token[spoke.head]] if spoke is not None else []
        chosen = before[-1]
        if not quotes.in_quote(doc, cues, tok.idx):
            outside = [m for m in reversed(before[-12:]) if not quotes.in_quote(doc, cues, doc[m.start].idx)]
            continued = spoke or _subject_continued(tok, outside)
            if continued is None and len(self._chain) < _CHAIN_MOST:
                chained = self._chained(tok, before[-1])
                if chained:
                    return chained
            chosen = continued or next(iter(outside), chosen)
        return [self.table.by_token[chosen.head]]

    def _last_speaker(self, tok, before):
        """The nearest person named before ``tok``, outside quotations, who spoke (:func:`_speaks`); failing one,
        a speaker the tagger typed an organisation ('Reynolds says ... "...," she says': only a person is 'he' or
        'she', and a speaker just named is the likeliest one); else None."""
        spoke = self._spoke(tok, before)
        if spoke is None and tok.lower_ in ("he", "she"):
            spoke = self._spoke(tok, [m for m in self.untyped_mentions if m.start < tok.i and self._agrees(tok, m)])
        return spoke

    def _spoke(self, tok, named):
        doc, cues = self.doc, self.cues
        outside = [m for m in reversed(named[-12:]) if not quotes.in_quote(doc, cues, doc[m.start].idx)]
        return next((m for m in outside if _speaks(doc[m.head], cues, tok)), None)

    def _chained(self, tok, named) -> list[str]:
        """'He said he needed them, a threat he uses to justify his repression': a person pronoun with no person
        of its gender named since the last subject pronoun of that gender takes up what that pronoun stands for
        (a chain of 'he's goes on about one person), rather than a person named further back."""
        earlier = _earlier_subject_pronoun(tok, named.end, self.cues)
        if earlier is None:
            return []
        if earlier.i not in self._chain:
            if self._chain_depth >= _CHAIN_DEPTH:
                return []  # asked first at the end of a long chain: the named person, not a deep recursion
            self._chain[earlier.i] = []  # each pronoun once, and never through itself
            self._chain_depth += 1
            try:
                found = self.resolve(earlier)
            finally:
                self._chain_depth -= 1
            self._chain[earlier.i] = found if len(found) == 1 and self._type_of(found[0]) == "Person" else []
        return self._chain[earlier.i]


_CHAIN_WINDOW = 60  # tokens back to the pronoun a chain continues
_CHAIN_MOST = 400  # pronouns chained per article at most: a bound on the work
_CHAIN_DEPTH = 25  # links followed back at once (pronouns are mostly asked in text order, each link then cached)


def _earlier_subject_pronoun(tok, after: int, cues):
    """The nearest subject pronoun of ``tok``'s gender before it and after token ``after`` (the last person named
    who agrees with it), on the same side of a quotation mark, within a few lines; else None."""
    gender = speakers.pronoun_gender(tok)
    doc = tok.doc
    quoted = quotes.in_quote(doc, cues, tok.idx)
    for i in range(tok.i - 1, max(after, tok.i - _CHAIN_WINDOW) - 1, -1):
        t = doc[i]
        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she") and speakers.pronoun_gender(t) == gender:
            return t if quotes.in_quote(doc, cues, t.idx) == quoted else None
    return None


def _untyped_person(table, eid: str) -> bool:
    return speakers.may_be_person(table.get(eid), eid in table.entries)


def _by_phrase(tok) -> bool:
    """'was condemned by the alliance': the object of a passive's 'by'."""
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def _subject_continued(pronoun, mentions):
    """'Mr. Roe affirmed President Doe's commitment to X. He emphasized ...': a pronoun opening its sentence as the
    subject continues the subject of the sentence before, rather than a name inside its object. ``mentions``: the
    persons named before the pronoun who agree with it, nearest first."""
    sent = pronoun.sent
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or sent.start == 0:
        return None
    if any(m.start >= sent.start for m in mentions):
        return None  # someone named earlier in its own sentence is nearer
    prev = pronoun.doc[sent.start - 1].sent
    if prev.root.is_space and prev.start > 0:
        prev = pronoun.doc[prev.start - 1].sent
    subjects = {c.i for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")}
    return next((m for m in mentions if m.head in subjects), None)


def _speaks(head, cues, pronoun, window: int = 120) -> bool:
    """'Mary Smith said ... "...," she said': a pronoun speaker is most likely the last one who spoke, a few
    sentences back (``window`` tokens), rather than whoever was named last. One speaks as the subject of a verb of
    saying, of a clause that goes on to say ('X reacted to the news, saying: ...'), or through a relative clause
    on the name or its apposition ('supported by Mary Smith, the senator from Ohio, who said ...')."""
    if pronoun.i - head.i >= window:
        return False
    if head.dep_ == "nsubj":
        verb = head.head
        if cues.attributing(verb) is not None:
            return True
        if any(
            c.dep_ in ("advcl", "xcomp", "conj") and cues.attributing(c) is not None and not _subject(c)
            for c in verb.children
        ):
            return True
    for noun in (head, *(c for c in head.children if c.dep_ == "appos")):
        for rel in noun.children:
            if (
                rel.dep_ == "relcl"
                and cues.attributing(rel) is not None
                and any(s.lower_ in ("who", "that") for s in _subject(rel))
            ):
                return True
    return False


# Words that name a part of a group: 'some of the senators', 'one of two witnesses', 'none of the scholars'
_PARTS = frozenset("some many most several few all none both each one two three half majority".split())


def _part_of(tok):
    """The group in 'some of X' when ``tok`` is the part word and X is named, else None."""
    if tok.lower_ not in _PARTS or tok.pos_ not in ("DET", "PRON", "NUM", "ADJ", "NOUN"):
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


def _subject(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _gender(tok) -> str:
    return "f" if tok.lower_ in ("she", "her", "hers") else "m"


def _tells(tok, cues, subject=None) -> bool:
    """'520 superdelegates have said', 'many factory workers say', 'two outside analysts told', 'most of his rivals
    called for': people in the plural who are the subject (or whose part, ``subject``, is) of a verb of saying are a
    source, whatever the noun (not only the role and group nouns of the lexicon). Not a singular noun: 'the fight
    shows', 'the scene says' name no one."""
    subject = tok if subject is None else subject
    return tok.tag_ == "NNS" and subject.dep_ == "nsubj" and cues.attributing(subject.head) in ("speech", "belief")
