"""What every derived file shares: the sources' provenance and licence, and the conversion tally."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

PETRARCH = ("openeventdata/petrarch2", "676801cd9cb2924bbbad09f86d15c9323e7097bf", "petrarch2/data/dictionaries")
PLOVER = ("openeventdata/PLOVER", "5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f", "")
LICENCE = (
    "The MIT License (MIT). Copyright (c) 2014, 2015 Open Event Data Alliance. Permission is hereby granted, "
    "free of charge, to any person obtaining a copy of this software and associated documentation files, to "
    "deal in them without restriction, subject to including this notice; provided AS IS, without warranty "
    "of any kind (full text: LICENSE in the source repository)."
)
OUTPUTS = ("triggers.cameo.tsv", "gazetteer.phoenix.csv", "offices.phoenix.tsv", "agents.phoenix.tsv")


@dataclass
class Tally:
    """What the conversion kept and dropped, by class; printed in each derived file's header."""

    counts: Counter = field(default_factory=Counter)

    def add(self, what: str, n: int = 1) -> None:
        self.counts[what] += n

    def lines(self) -> list[str]:
        return [f"{k}: {v}" for k, v in sorted(self.counts.items())]
