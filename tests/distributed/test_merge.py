"""Merging shards into the store: counts, idempotence, querying a shard folder."""

from __future__ import annotations

from datetime import date

from newsevents.cli import main
from newsevents.distributed.merge import merge_shards, open_shards
from newsevents.distributed.shards import item_key, write_shard
from newsevents.records import (
    Actor, Article, ArticleResult, Document, Event, Failed, Skipped, Span,
)
from newsevents.store import open_store


def _coded(i: int) -> tuple[str, int, ArticleResult]:
    text = f"Kestria accused Valdora of shelling village {i} on Monday."
    doc = Document(source=f"wire{i}.txt", content=text)
    art = Article(id=f"art{i}", source=doc.source, text=text, published=date(2025, 3, 10))
    kes = Actor("a1", "Kestria", "country", (Span.of(text, 0, 7),), country="KES")
    val = Actor("a2", "Valdora", "country", (Span.of(text, 16, 23),), country="VAL")
    ev = Event("e1", "ACCUSE", trigger=Span.of(text, 8, 15), evidence=Span.of(text, 0, len(text)),
               source=("a1",), target=("a2",))
    return item_key(doc), i, ArticleResult(art, actors=(kes, val), events=(ev,))


def _shards(tmp_path):
    folder = tmp_path / "shards"
    skipped = Skipped("blank.txt", "empty", "no text")
    failed = Failed("bin.dat", "binary", "binary data, not text")
    write_shard(folder, [_coded(0), _coded(1), (item_key(skipped), 2, skipped)])
    write_shard(folder, [_coded(1), _coded(2), (item_key(failed), 3, failed)])  # doc 1 twice
    return folder


def _ledger(con):
    return dict(con.execute("SELECT status, count(*) FROM ledger GROUP BY 1").fetchall())


def test_merge_is_idempotent_and_counts_add_up(tmp_path):
    folder, db = _shards(tmp_path), tmp_path / "news.duckdb"
    first = merge_shards(folder, db)
    assert (first.rows, first.coded, first.skipped, first.failed) == (5, 3, 1, 1)
    assert first.new_inputs == 5 and first.new_articles == 3 and first.new_events == 3
    again = merge_shards(folder, db)
    assert again.rows == 5 and again.new_inputs == 0 and again.new_articles == 0
    with open_store(db) as store:
        assert _ledger(store.con) == {"coded": 3, "skipped": 1, "failed": 1}
        assert store.con.execute("SELECT count(*) FROM events").fetchall()[0][0] == 3


def test_shard_folder_as_an_in_memory_store(tmp_path):
    con = open_shards(_shards(tmp_path))
    try:
        assert _ledger(con) == {"coded": 3, "skipped": 1, "failed": 1}
        assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 3
    finally:
        con.close()
    assert not any(p.suffix == ".duckdb" for p in tmp_path.iterdir())


def test_merge_command(tmp_path, capsys):
    folder, db = _shards(tmp_path), tmp_path / "cli.duckdb"
    assert main(["merge", str(folder), "--db", str(db)]) == 0
    assert "merged 5 documents" in capsys.readouterr().err
    assert main(["merge", str(tmp_path / "missing"), "--db", str(db)]) == 2
