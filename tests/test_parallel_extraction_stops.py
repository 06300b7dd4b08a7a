"""Two-process extraction stops cleanly: an article whose extraction raises, or a reader that stops early, must not
leave spaCy's worker processes blocked (the parent used to wait on them forever; `kg eval --polnear --jobs 2` hung)."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent(
    """
    from kg.extract import Extractor
    from kg.graph.records import Article

    extractor = Extractor()
    original = extractor.from_doc
    seen = []

    def fails_on_third(article, doc):
        seen.append(article.id)
        if len(seen) == 3:
            raise RuntimeError("extraction bug")
        return original(article, doc)

    paragraph = "Russia attacked Kharkiv on Monday. The United States sent aid to Kyiv. " * 20
    articles = [Article(f"a{i}", paragraph + "\\n\\n" + paragraph) for i in range(40)]

    extractor.from_doc = fails_on_third
    try:
        for _ in extractor.extract_many(articles, jobs=2):
            pass
    except RuntimeError as err:
        print("raised:", err, flush=True)

    extractor.from_doc = original
    stream = extractor.extract_many(articles, jobs=2)
    first = [next(stream).article.id for _ in range(2)]
    stream.close()
    print("stopped early after:", first, flush=True)
    """
)


def test_two_process_extraction_ends_when_an_article_raises_or_the_reader_stops():
    # Its own session, so that a hang can be ended with its spaCy workers (they would outlive a plain kill).
    child = subprocess.Popen(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = child.communicate(timeout=240)
    except subprocess.TimeoutExpired as hung:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        raise AssertionError("two-process extraction hung after an error or an early stop") from hung
    assert child.returncode == 0, err[-2000:]
    assert "raised: extraction bug" in out
    assert "stopped early after: ['a0', 'a1']" in out
