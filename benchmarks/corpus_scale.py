"""The whole pipeline at corpus scale: the corpus once, then ten times over, then ten new articles.

    python benchmarks/corpus_scale.py ../shared/corpus/ukraine_news.jsonl \
        ../shared/corpus/ukraine_official_statements.jsonl [--copies 10] [--jobs 2] [--new 10]

Each run is `kg build` as a user runs it (read, extract, resolve, merge, build RDF, store, graph
totals), in its own process, on a fresh store. The 10x corpus repeats every article with a changed id
(``<id>-x<k>``) and its date moved on by k times 52 weeks (the weekday stays), so copies are new
articles to the store, and reports whose text states a date still meet the other copies' reports of
the same event. Reports wall time, peak memory of the whole process tree (the main process and its
parser processes, sampled every 0.2 s), triples, and the time ratio 10x / 1x (linear is 10). Then
ten more new articles are added to the 10x store: that is the incremental figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

KG = [sys.executable, "-m", "kg.interfaces.cli"]


def copies_of(paths: list[Path], copies: range, out: Path, limit: int | None = None) -> int:
    """Write the articles of ``paths`` once per copy k, with id ``<id>-x<k>`` and the date k*52 weeks on."""
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for k in copies:
            taken = 0
            for path in paths:
                for line in path.open(encoding="utf-8"):
                    if limit is not None and taken >= limit:
                        break
                    try:
                        article = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    if k:
                        article["id"] = f"{article['id']}-x{k}"
                        if article.get("date"):
                            day = dt.date.fromisoformat(article["date"][:10]) + dt.timedelta(weeks=52 * k)
                            article["date"] = day.isoformat()
                    fh.write(json.dumps(article) + "\n")
                    n += 1
                    taken += 1
    return n


def _tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants, in MB (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, todo = set(), [root]
    while todo:
        pid = todo.pop()
        tree.add(pid)
        todo.extend(p for p, pp in parents.items() if pp == pid and p not in tree)
    total = 0
    for pid in tree:
        try:
            m = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
            total += int(m.group(1)) if m else 0
        except OSError:
            continue
    return total / 1024


def timed_build(inputs: list[Path], store: Path, jobs: int) -> dict:
    """Run `kg build` in a child process; wall time, peak tree memory, and what it printed."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*KG, "build", *map(str, inputs), "--store", str(store), "--jobs", str(jobs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = [0.0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss_mb(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"kg build failed ({proc.returncode}): {err.strip()[-2000:]}")
    triples = re.search(r"triples\s+(\d+)", out)
    added = re.search(r"\((\d+) added", out)
    return {
        "wall_s": round(wall, 1),
        "peak_mb": round(peak[0]),
        "triples": int(triples.group(1)) if triples else None,
        "added": int(added.group(1)) if added else None,
        "summary": out.strip().splitlines()[:2],
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="+", type=Path, help="JSON Lines corpus files")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--new", type=int, default=10, help="articles added to the big store at the end")
    parser.add_argument("--keep", type=Path, default=None, help="keep the stores in this folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kg-corpus-scale-", dir=args.keep))
    try:
        one, many, new = work / "x1.jsonl", work / f"x{args.copies}.jsonl", work / "new.jsonl"
        n1 = copies_of(args.corpus, range(1), one)
        n10 = copies_of(args.corpus, range(args.copies), many)
        copies_of(args.corpus, range(args.copies, args.copies + 1), new, limit=args.new)
        result = {
            "articles_1x": n1,
            f"articles_{args.copies}x": n10,
            "jobs": args.jobs,
            "load_average": os.getloadavg(),
        }
        result["1x"] = timed_build([one], work / "store1", args.jobs)
        print(json.dumps(result["1x"]), file=sys.stderr)
        result[f"{args.copies}x"] = big = timed_build([many], work / "store10", args.jobs)
        print(json.dumps(big), file=sys.stderr)
        result["time_ratio"] = round(big["wall_s"] / result["1x"]["wall_s"], 2)
        result["incremental"] = timed_build([new], work / "store10", args.jobs)
        result["load_average_end"] = os.getloadavg()
        print(json.dumps(result, indent=1))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
