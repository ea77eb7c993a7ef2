"""Realistic invented news articles from templates, for soak, crash and concurrency tests.

Every article is made up here: varied actors (governments, ministers, armed
groups, agencies), verbs of several PLOVER types, dates, places, quotes and
reported speech.  No news text is copied.  ``articles(n, seed)`` is
deterministic: the same ``(n, seed)`` always gives the same articles, and
every article is distinct (its serial number is part of the text and URL).
A small share of records is deliberately empty or malformed so that the
ledger's skipped/failed paths are exercised too (``bad_every``).
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

COUNTRIES = [("Kenya", "Nairobi", "Kenyan"), ("Peru", "Lima", "Peruvian"),
             ("Norway", "Oslo", "Norwegian"), ("Vietnam", "Hanoi", "Vietnamese"),
             ("Ghana", "Accra", "Ghanaian"), ("Chile", "Santiago", "Chilean"),
             ("Poland", "Warsaw", "Polish"), ("Egypt", "Cairo", "Egyptian"),
             ("Indonesia", "Jakarta", "Indonesian"), ("Canada", "Ottawa", "Canadian"),
             ("Turkey", "Ankara", "Turkish"), ("Morocco", "Rabat", "Moroccan")]
ROLES = ["foreign minister", "defence minister", "interior minister", "president",
         "prime minister", "army spokesman", "police chief"]
FIRST = ["Amara", "Tomas", "Lena", "Ravi", "Ines", "Kwame", "Mei", "Jonas", "Farah", "Diego"]
LAST = ["Okafor", "Lindqvist", "Haddad", "Moreno", "Tanaka", "Novak", "Mensah", "Duarte"]
GROUPS = ["rebels", "protesters", "striking dock workers", "opposition supporters",
          "militants", "farmers"]
OUTLETS = ["Harbour Times", "Northern Ledger", "Valley Post", "Coastal Wire", "Daily Meridian"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CUES = ["said", "told reporters", "announced", "claimed", "warned"]

# (template, needs) — {a}/{b} countries, {ga} a group, {n} a number, {day} a weekday
EVENTS = [
    "{a} accused {b} of violating the ceasefire on {day}.",
    "{a} sent {n} tonnes of food aid to {b} on {day}.",
    "Police in {cap_a} arrested {n} {ga} on {day}.",
    "{a} and {b} signed a trade agreement in {cap_b} on {day}.",
    "{adj_a} troops shelled positions near the border with {b}, killing {n} people.",
    "Thousands of {ga} marched through {cap_a} on {day} to demand new elections.",
    "{a} expelled {n} {adj_b} diplomats on {day}.",
    "{a} threatened to impose sanctions on {b} if talks fail.",
    "{a} denied that it had supplied weapons to {ga} in {b}.",
    "{a} will hold talks with {b} in {cap_a} next week.",
]
QUOTES = [
    "\"We will not accept any threat to our sovereignty,\" {speaker} {cue}.",
    "{speaker} {cue} that the government had opened an inquiry.",
    "According to {speaker}, at least {n} people were injured.",
    "\"The talks were constructive,\" {speaker} {cue} after the meeting.",
    "{speaker} {cue} that {b} would respond in kind.",
]


def _article(i: int, rng: random.Random) -> dict:
    (a, cap_a, adj_a), (b, cap_b, adj_b) = rng.sample(COUNTRIES, 2)
    speaker = f"{adj_a} {rng.choice(ROLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
    slots = dict(a=a, b=b, cap_a=cap_a, cap_b=cap_b, adj_a=adj_a, adj_b=adj_b,
                 ga=rng.choice(GROUPS), day=rng.choice(WEEKDAYS), n=rng.randint(2, 400),
                 speaker=speaker, cue=rng.choice(CUES))
    paras = []
    for _ in range(rng.randint(2, 4)):
        sents = [rng.choice(EVENTS).format(**slots) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.7:
            sents.append(rng.choice(QUOTES).format(**slots))
        paras.append(" ".join(sents))
        slots.update(n=rng.randint(2, 400), day=rng.choice(WEEKDAYS))
    # the serial number makes every article distinct (distinct store keys)
    paras.append(f"Report number {i} filed from {cap_a}.")
    outlet = rng.choice(OUTLETS)
    return {"id": f"gen-{i}", "url": f"https://{outlet.split()[0].lower()}.example/{i}",
            "title": f"{a} and {b}: tension over {slots['ga']}", "outlet": outlet,
            "published": published.isoformat(), "text": "\n\n".join(paras)}


def articles(n: int, seed: int = 0, bad_every: int = 0) -> Iterator[dict]:
    """``n`` invented article records (JSON Lines objects), deterministic in ``seed``.

    With ``bad_every=k`` every k-th record is an empty text (ledger: skipped)
    and every k-th+1 has a wrong field type (ledger: failed).
    """
    rng = random.Random(seed)
    for i in range(n):
        rec = _article(i, rng)
        if bad_every and i % bad_every == bad_every - 1:
            rec["text"] = "   "
        elif bad_every and i % bad_every == 0 and i:
            rec["text"] = 12345
        yield rec


def write_jsonl(path: Path, n: int, seed: int = 0, bad_every: int = 0) -> Path:
    """Write ``articles(n, seed, bad_every)`` as one JSON Lines file; return its path."""
    with open(path, "w", encoding="utf-8") as fh:
        for rec in articles(n, seed, bad_every):
            fh.write(json.dumps(rec) + "\n")
    return path


def expected_statuses(n: int, bad_every: int = 0) -> dict[str, int]:
    """How many of ``articles(n, bad_every=...)`` are meant to be skipped/failed (at least)."""
    if not bad_every:
        return {"skipped": 0, "failed": 0}
    skipped = sum(1 for i in range(n) if i % bad_every == bad_every - 1)
    failed = sum(1 for i in range(n) if i % bad_every == 0 and i)
    return {"skipped": skipped, "failed": failed}
