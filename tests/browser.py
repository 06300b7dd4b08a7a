"""Helpers for the view tests: example models and a headless Chromium driven by Playwright.

Chromium is Debian's (``apt-get install -y chromium``, /usr/bin/chromium);
Playwright comes from PyPI and is pointed at that executable, so
``playwright install`` (which downloads a browser) is never needed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]

E = "https://kg.example/e/"
EV = "https://kg.example/ev/"
A = "https://kg.example/article/"

XSS_PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    "</script><script>window.__xss=1</script>",
    "javascript:window.__xss=1",
]
XSS_TEXT = " ".join(XSS_PAYLOADS)


def find_chromium() -> str | None:
    """Path of a Chromium executable, from $KG_CHROMIUM, the usual Debian paths or $PATH."""
    env = os.environ.get("KG_CHROMIUM")
    if env and os.access(env, os.X_OK):
        return env
    for path in CHROMIUM_CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing_reason() -> str | None:
    """Why browser tests cannot run here, or None if they can."""
    if find_chromium() is None:
        return "no Chromium executable (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python playwright not installed (pip install playwright; no 'playwright install' needed)"
    return None


def require_browser() -> None:
    """At a browser test module's top: skip the module when Chromium or playwright is missing, except under CI
    (env CI set), where a missing browser is a failure, not a skip."""
    import pytest

    reason = missing_reason()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def new_context(playwright, user_data_dir: Path, *, bypass_csp: bool = False):
    """A persistent browser context on the system Chromium (headless, offline flags).

    ``playwright`` is the object ``sync_playwright()`` yields; close the context when done.
    ``bypass_csp=True`` ignores the pages' Content-Security-Policy, to check that hostile text
    stays inert through DOM APIs alone."""
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=find_chromium(),
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1400, "height": 900},
        service_workers="block",
        bypass_csp=bypass_csp,
    )


@contextlib.contextmanager
def launch(user_data_dir: Path, *, bypass_csp: bool = False) -> Iterator[object]:
    """``new_context`` in its own Playwright session (one per process at a time)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = new_context(p, user_data_dir, bypass_csp=bypass_csp)
        try:
            yield context
        finally:
            context.close()


def _claim(
    article: str,
    title: str,
    outlet: str,
    date: str,
    sources: list[str],
    modality: str,
    confidence: float,
    evidence: str,
) -> dict:
    return {
        "article": A + article,
        "article_title": title,
        "outlet": outlet,
        "date": date,
        "sources": sources,
        "modality": modality,
        "confidence": confidence,
        "evidence": evidence,
    }


def example_model() -> dict:
    """8 entities, 8 events of 5 types and all modalities (one two-claim event whose
    claims disagree, one undated event, one with no date at all) and 2 relations."""
    ents = [
        ("russia", "Russia", "Country", "Q159", 5),
        ("ukraine", "Ukraine", "Country", "Q212", 4),
        ("putin", "Vladimir Putin", "Person", "Q7747", 2),
        ("nato", "NATO", "Organization", "Q7184", 2),
        ("wsj", "The Wall Street Journal", "NewsOutlet", "Q164746", 0),
        ("kherson", "Kherson", "Place", "Q2072", 2),
        ("wagner", "Wagner Group", "Group", None, 2),
        ("belarus", "Belarus", "Country", "Q184", 2),
    ]
    entities = [{"id": E + i, "label": label, "type": t, "wikidata": q, "events": n} for i, label, t, q, n in ents]
    events = [
        {
            "id": EV + "1",
            "type": "MOBILIZE",
            "mode": "troops",
            "modality": "planned",
            "label": "deploy",
            "actors": [E + "russia"],
            "recipients": [],
            "locations": [E + "belarus"],
            "time": {"text": "next winter", "start": "2022-12", "end": "2023-02"},
            "published": "2022-10-05",
            "quantity": "over 10,000 troops",
            "claims": [
                _claim(
                    "a1",
                    "Russia plans winter deployment",
                    "Reuters",
                    "2022-10-05",
                    ["The Wall Street Journal", "anonymous European diplomat"],
                    "planned",
                    0.7,
                    "Russia plans to deploy over 10,000 troops to Belarus next winter, the WSJ reported.",
                ),
                _claim(
                    "a2",
                    "Kremlin: troops already in Belarus",
                    "TASS",
                    "2022-10-06",
                    [],
                    "asserted",
                    0.9,
                    "Russian troops have been deployed to Belarus, the ministry said.",
                ),
            ],
        },
        {
            "id": EV + "2",
            "type": "ATTACK",
            "mode": "missile",
            "modality": "asserted",
            "label": "struck",
            "actors": [E + "russia"],
            "recipients": [E + "ukraine"],
            "locations": [E + "kherson"],
            "time": {"text": "on Monday", "start": "2022-10-10", "end": "2022-10-10"},
            "published": "2022-10-11",
            "quantity": None,
            "claims": [
                _claim(
                    "a3",
                    "Missiles hit Kherson",
                    "BBC",
                    "2022-10-11",
                    [],
                    "asserted",
                    0.95,
                    "Russian missiles struck Kherson on Monday.",
                )
            ],
        },
        {
            "id": EV + "3",
            "type": "NEGOTIATE",
            "mode": None,
            "modality": "possible",
            "label": "talks",
            "actors": [E + "putin"],
            "recipients": [E + "nato"],
            "locations": [],
            "time": {"text": "early 2023", "start": "2023-01", "end": "2023-03"},
            "published": "2022-11-02",
            "quantity": None,
            "claims": [
                _claim(
                    "a4",
                    "Talks possible",
                    "Reuters",
                    "2022-11-02",
                    ["a Kremlin spokesman"],
                    "possible",
                    0.5,
                    "Putin may hold talks with NATO in early 2023, a spokesman said.",
                )
            ],
        },
        {
            "id": EV + "4",
            "type": "ATTACK",
            "mode": None,
            "modality": "negated",
            "label": "shelled",
            "actors": [E + "ukraine"],
            "recipients": [E + "belarus"],
            "locations": [],
            "time": {"text": "last week", "start": "2022-11-01", "end": None},
            "published": "2022-11-08",
            "quantity": None,
            "claims": [
                _claim(
                    "a5",
                    "Kyiv denies shelling",
                    "Kyiv Independent",
                    "2022-11-08",
                    ["Ukrainian army"],
                    "negated",
                    0.8,
                    "Ukraine did not shell Belarusian territory, the army said.",
                )
            ],
        },
        {
            "id": EV + "5",
            "type": "MOBILIZE",
            "mode": "mercenaries",
            "modality": "asserted",
            "label": "recruit",
            "actors": [E + "wagner"],
            "recipients": [],
            "locations": [E + "kherson"],
            "time": None,
            "published": "2022-10-20",
            "quantity": "hundreds",
            "claims": [
                _claim(
                    "a6",
                    "Wagner recruits",
                    "BBC",
                    "2022-10-20",
                    [],
                    "asserted",
                    0.6,
                    "Wagner has been recruiting fighters near Kherson.",
                )
            ],
        },
        {
            "id": EV + "6",
            "type": "AID",
            "mode": "weapons",
            "modality": "planned",
            "label": "send",
            "actors": [E + "nato"],
            "recipients": [E + "ukraine"],
            "locations": [],
            "time": {"text": "in December", "start": "2022-12", "end": "2022-12"},
            "published": "2022-11-15",
            "quantity": None,
            "claims": [
                _claim(
                    "a7",
                    "NATO to send air defence",
                    "Reuters",
                    "2022-11-15",
                    [],
                    "planned",
                    0.85,
                    "NATO will send air defence systems to Ukraine in December.",
                ),
                _claim(
                    "a8",
                    "Allies pledge systems",
                    "BBC",
                    "2022-11-16",
                    ["NATO officials"],
                    "planned",
                    0.8,
                    "Allies plan to deliver systems in December, officials said.",
                ),
            ],
        },
        {
            "id": EV + "7",
            "type": "STATEMENT",
            "mode": None,
            "modality": "asserted",
            "label": "warned",
            "actors": [E + "putin"],
            "recipients": [],
            "locations": [],
            "time": None,
            "published": None,
            "quantity": None,
            "claims": [_claim("a9", None, None, None, [], "asserted", 0.4, "Putin warned the West.")],
        },
        {
            "id": EV + "8",
            "type": "ATTACK",
            "mode": None,
            "modality": "asserted",
            "label": "raid",
            "actors": [E + "wagner"],
            "recipients": [E + "ukraine"],
            "locations": [],
            "time": {"text": "2022", "start": "2022", "end": None},
            "published": "2022-12-01",
            "quantity": None,
            "claims": [_claim("a10", "Raid", "TASS", "2022-12-01", [], "asserted", 0.7, "Wagner raided positions.")],
        },
    ]
    relations = [
        {
            "id": "https://kg.example/rel/1",
            "type": "allied_with",
            "subject": E + "russia",
            "object": E + "belarus",
            "modality": "asserted",
            "claims": [
                _claim(
                    "a1",
                    "Russia plans winter deployment",
                    "Reuters",
                    "2022-10-05",
                    [],
                    "asserted",
                    0.9,
                    "Belarus, Russia's closest ally, ...",
                )
            ],
        },
        {
            "id": "https://kg.example/rel/2",
            "type": "member_of",
            "subject": E + "wagner",
            "object": E + "russia",
            "modality": "possible",
            "claims": [
                _claim(
                    "a6",
                    "Wagner recruits",
                    "BBC",
                    "2022-10-20",
                    [],
                    "possible",
                    0.5,
                    "Wagner is reportedly linked to the Russian state.",
                )
            ],
        },
    ]
    return {"title": "kg: example (10 articles)", "entities": entities, "events": events, "relations": relations}


def merged_model() -> dict:
    """The example model and five more reports of Russia attacking Ukraine (two 'possible'), each in its own
    article with an http(s) URL."""
    m = example_model()
    for k in range(5):
        m["events"].append(
            {
                "id": f"{EV}x{k}",
                "type": "ATTACK",
                "mode": None,
                "modality": "possible" if k < 2 else "asserted",
                "label": "hit",
                "actors": [E + "russia"],
                "recipients": [E + "ukraine"],
                "locations": [],
                "time": {"text": None, "start": f"2022-11-0{k + 1}", "end": None},
                "published": f"2022-11-0{k + 2}",
                "quantity": None,
                "claims": [
                    dict(
                        _claim(
                            f"x{k}", f"Attack {k}", "Reuters", f"2022-11-0{k + 2}", [], "asserted", 0.8, f"attack {k}"
                        ),
                        url=f"https://news.example/x{k}",
                    )
                ],
            }
        )
    return m


def xss_model() -> dict:
    """The example model with hostile text in every string field a page shows."""
    m = example_model()
    m["title"] = "Title " + XSS_TEXT
    for e in m["entities"]:
        e["label"] = e["label"] + " " + XSS_TEXT
        e["type"] = e["type"] if e["type"] != "Group" else XSS_PAYLOADS[1]
        e["wikidata"] = XSS_PAYLOADS[3]
    for item in m["events"] + m["relations"]:
        item["type"] = item["type"] + XSS_PAYLOADS[0]
        if "label" in item:
            item["label"] = XSS_TEXT
            item["quantity"] = XSS_PAYLOADS[2]
            item["mode"] = XSS_PAYLOADS[3]
            if item["time"]:
                item["time"]["text"] = XSS_PAYLOADS[1]
        for c in item["claims"]:
            c["evidence"] = "Evidence " + XSS_TEXT
            c["outlet"] = "Outlet " + XSS_PAYLOADS[0]
            c["article_title"] = XSS_PAYLOADS[2]
            c["sources"] = [XSS_PAYLOADS[1], XSS_PAYLOADS[3]]
            c["article"] = XSS_PAYLOADS[3]
            c["url"] = XSS_PAYLOADS[3]
    return m


def big_model(n_entities: int, n_events: int, seed: int = 1) -> dict:
    """A synthetic model with many entities and events (for layout/`top` tests)."""
    import random

    rng = random.Random(seed)
    types = ["Person", "Organization", "Country", "Place", "Group"]
    entities = [
        {"id": f"{E}n{i}", "label": f"Entity {i}", "type": types[i % len(types)], "wikidata": None, "events": 0}
        for i in range(n_entities)
    ]
    events = []
    for k in range(n_events):
        a, b = rng.randrange(n_entities), rng.randrange(n_entities)
        entities[a]["events"] += 1
        entities[b]["events"] += 1
        events.append(
            {
                "id": f"{EV}x{k}",
                "type": rng.choice(["ATTACK", "AID", "MOBILIZE"]),
                "mode": None,
                "modality": rng.choice(["asserted", "planned", "possible", "negated"]),
                "label": "x",
                "actors": [f"{E}n{a}"],
                "recipients": [f"{E}n{b}"],
                "locations": [],
                "time": {"text": None, "start": f"2022-{1 + k % 12:02d}", "end": None},
                "published": "2022-12-31",
                "quantity": None,
                "claims": [
                    {
                        "article": f"{A}{k}",
                        "article_title": "t",
                        "outlet": "o",
                        "date": "2022-12-31",
                        "sources": [],
                        "modality": "asserted",
                        "confidence": 0.5,
                        "evidence": "e",
                    }
                ],
            }
        )
    return {"title": "big", "entities": entities, "events": events, "relations": []}
