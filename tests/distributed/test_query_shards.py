"""Query commands on a shard folder, without merging it into a store file."""

from __future__ import annotations

import json
from datetime import date

from newsevents.cli import main
from newsevents.distributed.shards import item_key, write_shard
from newsevents.records import Actor, Article, ArticleResult, Document, Event, Span


def _coded(i: int, verb: str, kind: str):
    text = f"Kestria {verb} Valdora over the dam on the Orlen river, case {i}."
    doc = Document(source=f"w{i}.txt", content=text)
    n = len(verb)
    art = Article(id=f"q{i}", source=doc.source, text=text, published=date(2025, 4, i + 1),
                  outlet="Test Wire")
    actors = (Actor("a1", "Kestria", "country", (Span.of(text, 0, 7),), country="KES"),
              Actor("a2", "Valdora", "country", (Span.of(text, 9 + n, 16 + n),), country="VAL"))
    ev = Event("e1", kind, trigger=Span.of(text, 8, 8 + n), evidence=Span.of(text, 0, len(text)),
               source=("a1",), target=("a2",))
    return item_key(doc), i, ArticleResult(art, actors=actors, events=(ev,))


def test_events_command_reads_a_shard_folder(tmp_path, capsys):
    folder = tmp_path / "shards"
    write_shard(folder, [_coded(0, "accused", "ACCUSE"), _coded(1, "threatened", "THREATEN")])
    assert main(["events", "--db", str(folder), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(r["type"] for r in rows) == ["ACCUSE", "THREATEN"]
    assert not list(tmp_path.glob("*.duckdb"))  # nothing written next to the shards
