"""PLOVER's vocabulary as kg uses it: the 16 event types, their modes, and the CAMEO-style actor sectors."""

from __future__ import annotations

__all__ = ["MODES", "PLOVER_TYPES", "SECTORS"]

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",  # verbal cooperation
    "COOPERATE",
    "AID",
    "RETREAT",  # material cooperation
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",  # verbal conflict
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",  # material conflict
)

_REQUEST_MODES = frozenset({"assist", "change", "yield", "meet"})
# PLOVER manual modes; AID and COOPERATE take CAMEO2PLOVER's aid/cooperation kinds.
MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset({"economic", "military", "legal", "intelligence"}),
    "AID": frozenset({"economic", "military", "humanitarian", "peacekeeping", "asylum"}),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": _REQUEST_MODES,
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": _REQUEST_MODES,
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset(
        {
            "seize",
            "restrict",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        }
    ),
    "ASSAULT": frozenset(
        {
            "abduct",
            "beat",
            "torture",
            "sexual",
            "targeted",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "unconventional",
        }
    ),
}
# CAMEO-style actor sector codes accepted for non-Country rows.
SECTORS = frozenset(
    """GOV MIL LEG JUD COP SPY REB INS SEP UAF OPP PTY IGO NGO NGM MED BUS REL CVL EDU HLH HRI
    LAB REF ELI CRM AGR ENV MOD RAD""".split()
)
