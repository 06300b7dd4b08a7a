"""Extraction time against article length: is the work per article linear?

    python benchmarks/article_length.py [--corpus FILE.jsonl] [--sizes 100000,1000000] [--repeat 3]

Builds articles of the given sizes (characters) by joining corpus texts with blank lines (nothing is
written to the repository), extracts each in this process, and prints the median seconds, the seconds
per 100,000 characters and the ratio of each size to the smallest (linear work: the ratio of times is
the ratio of sizes; issue 16 asks 1 MB within 12x of 100 KB). Also checks that an article beyond
--max-chars is refused by `kg build` with one line, before any parsing. Run it on a quiet machine (nice
it when others share the cores) and report the load (os.getloadavg) printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.extract import Extractor
from kg.graph.records import Article
from kg.read.articles import read_articles

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "ukraine_news.jsonl"


def long_text(texts: list[str], size: int) -> str:
    parts, total, i = [], 0, 0
    while total < size:
        parts.append(texts[i % len(texts)])
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def time_extraction(extractor: Extractor, text: str, repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (CPU time is what to compare on a shared, loaded machine)."""
    wall, cpu = [], []
    for r in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        extractor.extract(Article(f"long-{len(text)}-{r}", text, date="2024-05-10"))
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def refused_by_the_limit(size: int) -> str:
    """`kg build` of one article of ``size`` characters, with the default --max-chars: its stderr."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "huge.jsonl"
        corpus.write_text(json.dumps({"id": "huge", "text": "Russian forces shelled Kharkiv. " * (size // 32)}) + "\n")
        done = subprocess.run(
            [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(Path(tmp) / "st")],
            capture_output=True,
            text=True,
            timeout=600,
        )
        return done.stderr.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the smallest size (1 of the others)")
    parser.add_argument("--huge", type=int, default=20_000_000, help="an article to be refused by --max-chars")
    args = parser.parse_args()
    texts = [a.text for a in read_articles([args.corpus], on_problem=lambda p: None)]
    extractor = Extractor()
    extractor.extract(Article("warm-up", texts[0]))
    sizes = sorted(int(s) for s in args.sizes.split(","))
    base = None
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    for size in sizes:
        wall, seconds = time_extraction(extractor, long_text(texts, size), args.repeat if size == sizes[0] else 1)
        base = base or seconds
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{size:>10,} chars  CPU {seconds:8.1f} s (wall {wall:.1f} s)  {seconds / size * 100_000:6.2f} CPU s per "
            f"100,000 chars  x{seconds / base:5.1f} (size x{size / sizes[0]:g})  peak RSS {rss:,.0f} MB",
            flush=True,
        )
    if args.huge:
        print(f"{args.huge:>10,} chars  kg build says: {refused_by_the_limit(args.huge)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
