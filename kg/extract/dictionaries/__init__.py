"""Derive kg's lexicon rows from the field's dictionaries (PETRARCH2 / Phoenix, MIT licence).

``python -m kg.extract.dictionaries REFERENCE_DIR [--out DIR]`` reads ``REFERENCE_DIR/petrarch2`` (the CAMEO verb
dictionary and the Phoenix actor and agent dictionaries) and ``REFERENCE_DIR/plover/CAMEO2PLOVER-2021.txt``
and writes, in kg's own formats (:mod:`kg.extract.lexicons`):

* ``triggers.cameo.tsv``: verbs and verb patterns whose CAMEO code maps to a PLOVER type (and mode);
* ``gazetteer.phoenix.csv``: international bodies, armed non-state groups, and the people the country
  dictionary lists, each with its sector and country;
* ``offices.phoenix.tsv``: who held which office of which state or body, and when (the dated roles);
* ``agents.phoenix.tsv``: generic agent nouns and their sector ("student" -> EDU, "police" -> COP).

Each file's header records the source repository, commit and file, and the MIT licence. The hand-made files
(``triggers.tsv``, ``gazetteer.csv``) are an overlay that wins over these (see the loaders). The conversion is
selective by class, never by sentence; each dropped class is counted in the header (:class:`Tally`).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import Counter
from pathlib import Path

from kg.extract import lexicons
from kg.extract.dictionaries.cameo import derive_triggers, plover_of, read_cameo2plover
from kg.extract.dictionaries.common import LICENCE, OUTPUTS, PETRARCH, PLOVER, Tally
from kg.extract.dictionaries.phoenix import derive_actors, derive_agents, display_name, parse_code

__all__ = [
    "OUTPUTS",
    "Tally",
    "derive_actors",
    "derive_agents",
    "derive_all",
    "derive_triggers",
    "display_name",
    "main",
    "parse_code",
    "plover_of",
    "read_cameo2plover",
]


def _header(kind: str, files: list[str], tally: Tally, columns: str) -> str:
    lines = [
        f"# {kind}: DERIVED by kg.extract.dictionaries -- do not edit by hand; edit the hand-made file, which wins.",
        f"# Source: {PETRARCH[0]} at commit {PETRARCH[1]}, {', '.join(f'{PETRARCH[2]}/{f}' for f in files)}",
    ]
    if "triggers" in kind:
        lines.append(
            f"# and {PLOVER[0]} at commit {PLOVER[1]}, CAMEO2PLOVER-2021.txt (CAMEO code -> PLOVER type, mode)"
        )
    lines += [f"# Licence: {LICENCE}", f"# Columns: {columns}", "# Conversion tally:"]
    lines += [f"#   {t}" for t in tally.lines()]
    return "\n".join(lines) + "\n"


def derive_all(reference: str | Path) -> dict[str, str]:
    """The derived files' text by file name (nothing written)."""
    reference = Path(reference)
    pet, plo = reference / "petrarch2", reference / "plover"
    for need in (pet / "CAMEO.2.0.txt", plo / "CAMEO2PLOVER-2021.txt", pet / "Phoenix.agents.txt"):
        if not need.is_file():
            raise lexicons.LexiconError(need, 0, "missing", "give the folder holding petrarch2/ and plover/")
    table = read_cameo2plover(plo / "CAMEO2PLOVER-2021.txt")
    out = {}
    t = Tally()
    rows = derive_triggers(pet / "CAMEO.2.0.txt", table, t)
    header = "\t".join(("lemma", "pos", "type", "mode", "requires", "note"))
    out["triggers.cameo.tsv"] = (
        _header("triggers.cameo.tsv", ["CAMEO.2.0.txt"], t, "as triggers.tsv")
        + header
        + "\n"
        + "".join(r.tsv() + "\n" for r in rows)
    )
    iso3 = {
        e.sector: e.name
        for e in lexicons.load_gazetteer(lexicons.DATA_DIR / "gazetteer.csv")
        if e.type == "Country" and e.sector
    }
    t = Tally()
    gaz, offices = derive_actors(pet, iso3, t)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(
        [["name", "type", "wikidata", "sector", "country", "aliases", "demonyms"], *gaz]
    )
    actor_files = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]
    out["gazetteer.phoenix.csv"] = _header("gazetteer.phoenix.csv", actor_files, t, "as gazetteer.csv") + buf.getvalue()
    out["offices.phoenix.tsv"] = (
        _header(
            "offices.phoenix.tsv",
            actor_files,
            Tally(Counter({"offices": len(offices)})),
            "name (a gazetteer.phoenix.csv row), country, sector, start, end (YYYY-MM-DD or '-': open)",
        )
        + "name\tcountry\tsector\tstart\tend\n"
        + "".join("\t".join(r) + "\n" for r in offices)
    )
    t = Tally()
    agents = derive_agents(pet / "Phoenix.agents.txt", t)
    out["agents.phoenix.tsv"] = (
        _header(
            "agents.phoenix.tsv",
            ["Phoenix.agents.txt"],
            t,
            "noun (lower case, singular as the dictionary gives it), sector",
        )
        + "noun\tsector\n"
        + "".join("\t".join(r) + "\n" for r in agents)
    )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.extract.dictionaries", description=__doc__.split("\n\n")[0])
    ap.add_argument("reference", help="folder holding clones of openeventdata's petrarch2/ and plover/ repositories")
    ap.add_argument("--out", default=str(lexicons.DATA_DIR), help="where to write (default: kg/extract/data)")
    args = ap.parse_args(argv)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    for name, text in derive_all(args.reference).items():
        Path(args.out, name).write_text(text, encoding="utf-8")
        print(f"wrote {Path(args.out, name)} ({text.count(chr(10))} lines)", file=sys.stderr)
    return 0
