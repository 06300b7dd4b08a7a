"""The CAMEO verb dictionary (``CAMEO.2.0.txt``) mapped to PLOVER types and modes (``CAMEO2PLOVER-2021.txt``):
kg's derived trigger rows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.extract import lexicons
from kg.extract.dictionaries.common import Tally

_PARTICLES = {"out", "up", "down", "off", "back", "on", "in", "over", "away", "through", "aside", "forward"}
_PREPS = {
    "to",
    "with",
    "against",
    "from",
    "for",
    "on",
    "of",
    "in",
    "into",
    "at",
    "by",
    "over",
    "about",
    "upon",
    "toward",
    "towards",
    "between",
    "among",
    "as",
    "under",
    "within",
    "across",
    "through",
    "onto",
}
# Verbs too general to signal an event whatever their object: kg's light verbs and the commonest English verbs.
# A CAMEO pattern on them is kept only with a constraint (an object or a preposition).
_GENERIC_VERBS = {
    "be",
    "have",
    "do",
    "say",
    "make",
    "take",
    "give",
    "get",
    "go",
    "come",
    "put",
    "see",
    "set",
    "keep",
    "let",
    "use",
    "find",
    "show",
    "tell",
    "call",
    "ask",
    "hold",
    "bring",
    "run",
    "move",
    "turn",
    "leave",
    "meet",
    "play",
    "hear",
    "think",
    "know",
    "look",
    "seem",
    "want",
    "become",
    "include",
    "continue",
    "start",
    "begin",
    "open",
    "close",
    "raise",
    "carry",
    "send",
    "provide",
    "offer",
    "launch",
    "receive",
    "pass",
    "remain",
    "stand",
    "stay",
    "follow",
    "work",
    "report",
    "express",
    "issue",
    "state",
    "note",
    "add",
    "mark",
    "face",
    "end",
    "form",
    "reach",
    "draw",
    "lead",
}
# Verbs of CAMEO's lists whose everyday sense in news is no act ('grapple with a problem', 'hammer out a deal',
# 'appropriate funds', 'struggle to', 'a match', 'delayed flights'): kept only through a pattern's constraint.
# 'betray' (CAMEO 160, reduce relations) is a judgement of someone's act ("forcing Ukraine to betray its
# citizens"), which PLOVER codes as the judge's ACCUSE, not a reduction of relations (SANCTION).
_EVERYDAY_SENSES = {
    "appropriate",
    "betray",
    "blow",
    "combat",
    "conflict",
    "delay",
    "grapple",
    "hammer",
    "match",
    "pit",
    "quarrel",
    "revolutionise",
    "revolutionize",
    "struggle",
}
# A verb that only has its block's code and whose patterns name this many PLOVER types says nothing by itself:
# only its patterns are kept (a verb's own code, DEMONSTRATE [141], is its first meaning and stays).
_AMBIGUOUS_TYPES = 3
_FUNCTION_WORDS = {
    "it",
    "them",
    "him",
    "her",
    "this",
    "that",
    "these",
    "those",
    "all",
    "one",
    "some",
    "any",
    "way",
    "thing",
    "things",
    "place",
    "part",
    "time",
    "what",
    "which",
    "up",
    "out",
    "down",
}


# ---------------------------------------------------------------- CAMEO -> PLOVER


def read_cameo2plover(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode or None) from the conversion table (modes kg does not know become None)."""
    table: dict[str, tuple[str, str | None]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,]*))?", line)
        if not m or m.group(2) not in lexicons.PLOVER_TYPES:
            continue
        ptype, mode = m.group(2), (m.group(3) or "").strip() or None
        table.setdefault(m.group(1), (ptype, mode if mode in lexicons.MODES[ptype] else None))
    return table


def plover_of(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """A CAMEO code's PLOVER type and mode: the code itself, else its shorter parents ('1823' -> '182')."""
    code = code.split(":")[0].strip()
    while len(code) >= 2:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


# ---------------------------------------------------------------- CAMEO verb dictionary


def _word(token: str) -> str:
    return token.strip().strip("_").replace("_", " ").lower()


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = line.rstrip("_")
            sets[current] = []
        elif line.startswith("+") and current:
            sets[current].append(_word(line[1:]))
        elif not line:
            continue
        else:
            current = None
    return sets


@dataclass(frozen=True)
class _Row:
    lemma: str
    type: str
    mode: str | None
    requires: tuple[tuple[str, tuple[str, ...]], ...]
    note: str
    own: bool = False  # a verb's own code (DEMONSTRATE [141]), not its block's

    def tsv(self) -> str:
        req = ";".join(f"{d}:{'|'.join(ws)}" for d, ws in self.requires) or "-"
        return "\t".join((self.lemma, "VERB", self.type, self.mode or "-", req, self.note))


def _verb_lemma(token: str) -> tuple[str, str | None] | None:
    """'DISMISS' -> ('dismiss', None); '+BRING_OUT' -> ('bring', 'out'); other multiword verbs -> None."""
    parts = [p for p in token.strip("+").strip("_").lower().split("_") if p]
    if len(parts) == 1 and re.match(r"^[a-z][a-z'\-]*$", parts[0]):
        return parts[0], None
    if len(parts) == 2 and parts[1] in _PARTICLES and re.match(r"^[a-z]+$", parts[0]):
        return parts[0], parts[1]
    return None


def _object_words(token: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """The words an object slot accepts: a word, or a synonym set's one-word members; None if unusable."""
    if token.startswith("&"):
        members = synsets.get(token.rstrip("_"), [])
        words = [w for w in members if re.match(r"^[a-z][a-z'\-]*$", w)]
    else:
        w = _word(token)
        words = [w] if re.match(r"^[a-z][a-z'\-]*$", w) else []
    words = [w for w in dict.fromkeys(words) if w not in _FUNCTION_WORDS]
    return words or None


def _parse_pattern(text: str, synsets, tally: Tally) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """'* &WEAPON (TO +)' -> (('obj', weapons...), ('prep', ('to',))); None for the classes kg does not take."""
    pre, star, post = text.partition("*")
    if not star:
        tally.add("patterns dropped: no verb slot")
        return None
    if pre.strip():
        tally.add("patterns dropped: words before the verb (kg takes actors from the parse)")
        return None
    post, phrase = _object_phrase(re.sub(r"[+$%^]", " ", post), tally)
    if phrase is None:
        return None
    requires: list[tuple[str, tuple[str, ...]]] = []
    groups = re.findall(r"\(([^)]*)\)", post)
    if len(groups) > 1:
        tally.add("patterns narrowed: only the first prepositional phrase kept")
    for group in groups[:1]:
        words = group.split()
        if not words or _word(words[0]) not in _PREPS:
            tally.add("patterns dropped: unreadable prepositional phrase")
            return None
        requires.append(("prep", (_word(words[0]),)))
        if len(words) > 1:
            objs = _object_words(words[-1], synsets)
            if objs is None:
                tally.add("patterns dropped: prepositional object kg cannot state as one word")
                return None
            requires.append(("pobj", tuple(objs)))
    bare = re.sub(r"\([^)]*\)", " ", post).split()
    if len(bare) > 1:
        tally.add("patterns dropped: more than one object word")
        return None
    if bare and bare[0] == _PHRASE and len(phrase) > 1:
        # '{DIPLOMATIC RELATIONS}': the object's head and the word that modifies it, both required
        head, mod = _object_words(phrase[-1], synsets), _object_words(phrase[-2], synsets)
        if head is None or mod is None:
            tally.add("patterns dropped: object phrase kg cannot state as head + modifier")
            return None
        tally.add("patterns kept: two-word object phrase as object + modifier")
        requires[:0] = [("obj", tuple(head)), ("objmod", tuple(mod))]
        return tuple(requires)
    if bare:
        objs = _object_words(phrase[0] if bare[0] == _PHRASE else bare[0], synsets)
        if objs is None:
            tally.add("patterns dropped: object is a function word or a phrase")
            return None
        requires.insert(0, ("obj", tuple(objs)))
    return tuple(requires)


_PHRASE = "__PHRASE__"


def _object_phrase(post: str, tally: Tally) -> tuple[str, list[str] | None]:
    """('* __PHRASE__ (TO +)', ['DIPLOMATIC', 'RELATIONS']) for '* {DIPLOMATIC RELATIONS} (TO +)'; the phrase
    is [] without braces, None (dropped) inside a prepositional phrase or beside a second one."""
    phrases = re.findall(r"\{([^}]*)\}", post)
    if not phrases:
        return post, []
    if len(phrases) > 1 or re.search(r"\([^)]*\{", post):
        tally.add("patterns dropped: multiword phrases in a prepositional phrase, or several")
        return post, None
    words = phrases[0].split()
    if len(words) > 2:
        tally.add("patterns narrowed: an object phrase of three or more words kept as its last two")
    return post.replace("{" + phrases[0] + "}", f" {_PHRASE} "), words[-2:]


def derive_triggers(cameo: Path, table: dict, tally: Tally) -> list[_Row]:
    lines = cameo.read_text(encoding="latin-1").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("####### VERB PATTERNS"))
    end = next((i for i, ln in enumerate(lines) if ln.startswith("######## TRANSFORMATIONS")), len(lines))
    synsets = read_synsets(lines[:start])
    rows: list[_Row] = []
    block_code = block_head = None
    verbs: dict[str, tuple[tuple[str, str | None], str | None]] = {}  # VERB token -> (lemma, particle), own code
    forms: dict[str, str] = {}  # a form as comments write it ('STEPPED_UP') -> its VERB token ('+STEP_UP')

    def emit(lemma_prt, code, requires, note, own=False):
        if code is None or code.strip("-") == "":
            tally.add("rows dropped: CAMEO code '---' (no event)")
            return
        mapped = plover_of(code, table)
        if mapped is None:
            tally.add("rows dropped: CAMEO code without PLOVER type (01 statements, 02 appeals)")
            return
        if requires and _change_made_not_asked(code, block_code):
            tally.add(
                "patterns dropped: a demand for a change of regime (CAMEO 1044) under a block of another act (a decree)"
            )
            return
        lemma, prt = lemma_prt
        req = tuple(requires) + ((("prt", (prt,)),) if prt else ())
        if not req and lemma in _GENERIC_VERBS | _EVERYDAY_SENSES:
            tally.add("rows dropped: generic verb without a constraint")
            return
        rows.append(_Row(lemma, mapped[0], mapped[1], req, f"CAMEO {code.split(':')[0]} {note}".strip(), own))

    def flush():
        for tok, (lp, own) in verbs.items():
            if own is not None:
                emit(lp, own, (), tok.strip("+_").lower(), own=True)
            elif block_code is not None and _a_class_of_force(block_head, block_code, verbs, table):
                # a block named for a kind of act, not for one of its verbs ('---  GUNFIRE  [190]  ---': SHELL,
                # SNIPE): a hand-made list of the ways to do it, each verb the act itself
                emit(lp, block_code, (), tok.strip("+_").lower())
                tally.add("rows kept from a block named for a use of force, not for a verb")
            elif block_code is not None and block_code.strip("-") and not _heads_block(tok, block_head, forms):
                # WordNet synonyms of the block's verb ('counter' beside 'disagree') inherit its code only
                # through a pattern: alone they over-fire (PETRARCH's known weakness)
                tally.add("rows dropped: synonym inheriting its block's code without a pattern")
            elif block_code is not None:
                emit(lp, block_code, (), tok.strip("+_").lower())

    for raw in lines[start + 1 : end]:
        line = raw.rstrip()
        # a few headers lack the space after the code ('---  DELAY   [120]---  ---'): still a block's header
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---", line)
        if head:
            flush()
            verbs, block_code, block_head = {}, head.group(2).strip(), head.group(1).strip("+_").upper()
            forms = {}
            continue
        body = line.split("#", 1)
        text, comment = body[0].strip(), (body[1].strip() if len(body) > 1 else "")
        if not text:
            continue
        if text.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", text)
            if not m:
                tally.add("patterns dropped: no code")
                continue
            requires = _parse_pattern(m.group(1), synsets, tally)
            if requires is None:
                continue
            # a pattern binds to the verb it was written for (named in its comment), not to its whole synonym set
            owner = comment.split()[0].upper().strip(",") if comment else ""
            targets = [verbs[t][0] for t in _owners(owner, forms) if t in verbs]
            if owner and not targets and re.match(r"^[A-Z][A-Z_\-]+$", owner):
                # written for a verb of another block ('* VISIT # CONCLUDE' under CANCEL): spread over this
                # block's synonyms it over-fires ('abolish a visit' is no visit)
                tally.add("patterns dropped: written for a verb outside its block")
                continue
            targets = targets or [lp for lp, _ in verbs.values()]
            if not requires:
                tally.add("patterns folded: '*' alone is the verb's own code")
            for lp in dict.fromkeys(targets):
                emit(lp, m.group(2), requires, f"pattern of {lp[0]}")
            continue
        m = re.match(r"^(\+?[A-Z][A-Z_'\-]*)\s*(?:\[([^\]]*)\])?", text)
        if not m:
            continue
        lemma = _verb_lemma(m.group(1))
        if lemma is None:
            tally.add("verbs dropped: multiword verb that is not verb + particle")
            continue
        verbs[m.group(1)] = (lemma, m.group(2).strip() if m.group(2) else None)
        # the inflected forms a block lists ('+STEP_UP {+STEPPED_UP ...}') name the verb in patterns' comments
        for form in [m.group(1), *re.findall(r"[+A-Z][A-Z_'\-]*", text[text.find("{") + 1 : text.find("}")])]:
            forms.setdefault(form.strip("+_").upper(), m.group(1))
    flush()
    return _dedupe(rows, tally)


_FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})


def _change_made_not_asked(code: str, block_code: str | None) -> bool:
    """Whether a pattern coded as a demand for a change of institutions or regime (CAMEO 1044) sits under a block
    of another kind of act ('DECREE [010]': "declared independence"; 'ENACT [060]': "instituted self-rule"):
    the pattern names the change made, which asks no one anything (PLOVER REQUEST is a demand made of someone).
    Under a block of asking (10x demands, 02x appeals) or an uncoded one ('SEARCH': "seek independence") it stays
    a demand; so do calls for a leader's removal (1041: "introduced a censure motion"), which PLOVER codes REQUEST."""
    block = (block_code or "").split(":")[0].strip()
    return (
        code.split(":")[0].strip().startswith("1044") and block.strip("-") != "" and not block.startswith(("10", "02"))
    )


def _a_class_of_force(head: str | None, code: str, verbs: dict, table: dict) -> bool:
    """Whether a block is a list of the ways to use force, named for the kind ('EXPLOSIVE_DESTRUCTION',
    'TAKE_PROPERTY'), not for one of its verbs. The verbal blocks named so ('VERBAL_CONFLICT': argue, compete,
    contrast) are loose lists and stay out."""
    mapped = plover_of(code, table) if code.strip("-") else None
    named_for_a_verb = any(_heads_block(tok, head, {}) for tok in verbs)
    return mapped is not None and mapped[0] in _FORCE_TYPES and not named_for_a_verb


def _heads_block(tok: str, head: str | None, forms: dict[str, str]) -> bool:
    """Whether the VERB token is the block's own verb: named by the header as listed, or by one of its
    inflections ('---  OVERTHREW  [180]  ---' heads OVERTHROW)."""
    return tok.strip("+_").upper() == head or (head is not None and forms.get(head) == tok)


def _owners(owner: str, forms: dict[str, str]) -> list[str]:
    """The block's VERB token a comment's word names: as listed, or its regular inflection ('ENDED' -> END)."""
    if not owner:
        return []
    stems = [owner, owner[:-1], owner[:-2], owner[:-3], owner[:-3] + "E", owner[:-2] + "E"]
    if "_" in owner:
        word, _, particle = owner.partition("_")
        stems += [s + "_" + particle for s in (word[:-1], word[:-2], word[:-3], word[:-3] + "E", word[:-2] + "E")]
    return [forms[s] for s in stems if s in forms][:1]


def _dedupe(rows: list[_Row], tally: Tally) -> list[_Row]:
    """One row per (lemma, requirements): the first (an own code before a block's) wins; conflicting types drop."""
    by_key: dict[tuple, list[_Row]] = {}
    for r in rows:
        by_key.setdefault((r.lemma, frozenset((d, frozenset(w)) for d, w in r.requires)), []).append(r)
    types_of: dict[str, set[str]] = {}
    for r in rows:
        types_of.setdefault(r.lemma, set()).add(r.type)
    out = []
    for rs in by_key.values():
        types = {r.type for r in rs}
        if len(types) > 1 and not rs[0].requires:
            tally.add("rows dropped: bare verb with conflicting types")
            continue
        if not rs[0].requires and not rs[0].own and len(types_of[rs[0].lemma]) >= _AMBIGUOUS_TYPES:
            tally.add(f"rows dropped: bare verb whose patterns give {_AMBIGUOUS_TYPES} or more types (ambiguous alone)")
            continue
        out.append(rs[0])
        tally.add("rows kept", 1)
    return sorted(out, key=lambda r: (r.lemma, r.tsv()))
