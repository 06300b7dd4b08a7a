"""Extraction throughput against spaCy's own parse of the same texts, in the same run.

    python benchmarks/extract_speed.py [--corpus FILE.jsonl] [--limit N] [--repeat R] [--jobs J]

Reports words per second for (a) spaCy ``nlp.pipe`` alone and (b) kg's whole extraction
(parse + rules + records), with the same model and process count, and their ratio. Medians
over ``--repeat`` runs, alternating the two so machine noise hits both alike. Quote the load
(``os.getloadavg``) with the figures: these machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "ukraine_news.jsonl"


def load_texts(path: Path, limit: int) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= limit:
                break
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"{args.corpus}: corpus not found; pass --corpus FILE.jsonl", file=sys.stderr)
        return 1

    from kg.extract import Extractor
    from kg.records import Article

    rows = load_texts(args.corpus, args.limit)
    articles = [Article(r["id"], r["text"], r.get("title"), r.get("date")) for r in rows]
    words = sum(len(a.text.split()) for a in articles)
    extractor = Extractor()
    nlp = extractor.nlp

    def spacy_only() -> float:
        t0 = time.perf_counter()
        for _ in nlp.pipe((a.text for a in articles), n_process=args.jobs, batch_size=16):
            pass
        return time.perf_counter() - t0

    def kg_extract() -> float:
        t0 = time.perf_counter()
        for _ in extractor.extract_many(articles, jobs=args.jobs):
            pass
        return time.perf_counter() - t0

    spacy_only()  # warm-up: model caches, lexicon compilation
    spacy_times, kg_times = [], []
    for _ in range(args.repeat):
        spacy_times.append(spacy_only())
        kg_times.append(kg_extract())
    s, k = statistics.median(spacy_times), statistics.median(kg_times)
    result = {
        "articles": len(articles), "words": words, "jobs": args.jobs, "repeat": args.repeat,
        "spacy_words_per_s": round(words / s), "kg_words_per_s": round(words / k),
        "ratio_kg_to_spacy": round(s / k, 3), "time_ratio_kg_over_spacy": round(k / s, 3),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }  # fmt: skip
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:26} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
