"""Short invented articles for the web tests (not news text), as Documents.

``write_jsonl`` writes them as a JSON Lines file, the input ``newsevents
ingest`` reads, so the tests can run the real ingest (pipeline + store).
"""

import json
from datetime import date
from pathlib import Path

from newsevents.records import Document

DRONES = Document(
    source="test://drones", id="drones", outlet="Northern Ledger", url="https://ledger.example/drones",
    title="Officials say Iran sent drones to Russia", published=date(2025, 3, 12),
    content=(
        "Officials say Iran sent drones to Russia\n\n"
        "Iran sent hundreds of drones to Russia in February, Western officials said on Tuesday.\n\n"
        "Tehran denied the claim. \"We have not sent any drones to Russia,\" Foreign Minister "
        "Ali Rahimi told reporters in Tehran.\n\n"
        "Subscribe to our morning newsletter\n\n"
        "Ukrainian President Olena Bondar accused Iran of helping Russia attack Ukrainian cities."))

DRONES_AGAIN = Document(
    source="test://drones-2", id="drones-2", outlet="Harbour Times", url="https://harbour.example/d",
    title="Iran shipped drones to Moscow, diplomats say", published=date(2025, 3, 14),
    content=(
        "Iran shipped drones to Russia last month, European diplomats said on Thursday.\n\n"
        "Russia and Iran signed a new trade agreement in Moscow on Wednesday."))

CLASH = Document(
    source="test://clash", id="clash", outlet="Harbour Times", url="https://harbour.example/clash",
    title="Troops clash on the border", published=date(2025, 1, 20),
    content=(
        "Indian troops attacked Pakistani positions near the border on Sunday, killing 12 soldiers, "
        "the Pakistani army said.\n\n"
        "Indian officials said 4 soldiers were killed in the exchange.\n\n"
        "Pakistan threatened to retaliate against India."))

XSS = Document(
    source="test://xss", id="xss", outlet="<b>Evil</b> Outlet", url="javascript:window.__xss=4",
    title="<script>window.__xss=5</script>Russia attacked Ukraine", published=date(2025, 2, 2),
    content=(
        "Russia attacked Ukraine <script>window.__xss=1</script> on Monday, officials said.\n\n"
        "<img src=x onerror=\"window.__xss=2\"> Ukraine accused Russia of shelling Kharkiv.\n\n"
        "<a href=\"javascript:window.__xss=3\">Read more</a> about Russia's attack on Ukraine."))

ALL = (DRONES, DRONES_AGAIN, CLASH, XSS)


def write_jsonl(path: Path, docs=ALL) -> Path:
    """The documents as one JSON Lines file (id, title, published, outlet, url, text)."""
    with open(path, "w", encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps({"id": d.id, "title": d.title, "published": d.published.isoformat(),
                                  "outlet": d.outlet, "url": d.url, "text": d.content}) + "\n")
    return path
