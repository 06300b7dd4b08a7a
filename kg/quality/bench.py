"""Benchmarks, measured as ratios against a baseline run in the same process (`kg bench`).

Extraction throughput is compared with spaCy's own ``nlp.pipe`` on the same texts, with the same
model and the same number of processes, alternating the two so machine noise hits both alike;
medians over repeats. The machine's load average is reported beside the figures.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from kg.errors import InputError

__all__ = ["extraction_throughput"]


def _articles(paths: Iterable[str | Path], limit: int | None):
    from kg.read.articles import iter_articles

    return list(islice(iter_articles(paths), limit))


def extraction_throughput(
    paths: Iterable[str | Path], *, limit: int | None = 100, jobs: int = 1, repeat: int = 3, extractor=None
) -> dict:
    """Words per second of kg's extraction and of spaCy's parse alone, and their ratio (kg / spaCy)."""
    from kg.extract import Extractor

    articles = _articles(paths, limit)
    if not articles:
        raise InputError("no articles to measure; give a .jsonl corpus or a folder of articles")
    words = sum(len(a.text.split()) for a in articles)
    extractor = extractor or Extractor()
    nlp = extractor.nlp

    def spacy_only() -> float:
        t0 = time.perf_counter()
        for _ in nlp.pipe((a.text for a in articles), n_process=jobs, batch_size=16):
            pass
        return time.perf_counter() - t0

    def kg_extract() -> float:
        t0 = time.perf_counter()
        for _ in extractor.extract_many(articles, jobs=jobs):
            pass
        return time.perf_counter() - t0

    spacy_only()  # warm-up
    spacy_times, kg_times = [], []
    for _ in range(repeat):
        spacy_times.append(spacy_only())
        kg_times.append(kg_extract())
    s, k = statistics.median(spacy_times), statistics.median(kg_times)
    return {
        "articles": len(articles),
        "words": words,
        "jobs": jobs,
        "repeat": repeat,
        "spacy_words_per_s": round(words / s),
        "kg_words_per_s": round(words / k),
        "throughput_ratio_kg_to_spacy": round(s / k, 3),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
    }


def report_text(result: dict) -> str:
    return "\n".join(f"{key:30} {value}" for key, value in result.items())


def report_json(result: dict) -> str:
    return json.dumps(result)
