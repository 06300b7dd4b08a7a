"""Extraction throughput against spaCy's own parse of the same texts, in the same run.

    python benchmarks/extract_speed.py [--corpus FILE.jsonl] [--limit N] [--repeat R] [--jobs J]

Same as `kg bench`; see kg/quality/bench.py.
"""

import sys

from kg.interfaces.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", *sys.argv[1:]]))
