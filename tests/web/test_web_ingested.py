"""Pages over a store made by the real ingest (pipeline + store) from invented articles.

The coder's decisions belong to other tests; these check what the web layer
must guarantee for ANY coded store: every event page shows exactly its
evidence with exactly its trigger highlighted, and untrusted text stays inert.
"""

import re

import duckdb
import pytest


def _plain(html):
    text = re.sub(r"<[^>]+>", "", html)
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"')
            .replace("&#39;", "'").replace("&amp;", "&"))


@pytest.fixture(scope="module")
def stored_events(ingested_store):
    con = duckdb.connect(str(ingested_store), read_only=True)
    try:
        return con.execute("""SELECT article_id || ':' || event_id, type, status, evidence,
                                     trigger_text FROM events WHERE latest""").fetchall()
    finally:
        con.close()


def test_every_stored_event_is_listed_and_its_page_highlights_its_trigger(ingested, stored_events):
    assert len(stored_events) >= 4
    listed = set(re.findall(r'data-event="([^"]+)"', ingested.get("/events?per_page=200").text))
    assert listed == {uid for uid, *_ in stored_events}
    for uid, etype, status, evidence, trigger in stored_events:
        r = ingested.get(f"/events/{uid}")
        assert r.status_code == 200, uid
        block = re.search(r'id="evidence">(.*?)</div>', r.text, re.S)[1]
        assert _plain(block) == evidence
        triggers = re.findall(r'<mark class="[^"]*hl-trigger[^"]*"[^>]*>([^<]*)</mark>', block)
        assert "".join(triggers) == _plain(trigger)
        assert f'<span class="badge status-{status}" id="event-status">{status}</span>' in r.text


def test_every_article_page_reproduces_the_article_text(ingested, ingested_store):
    con = duckdb.connect(str(ingested_store), read_only=True)
    try:
        arts = con.execute("SELECT article_id, n_chars FROM articles WHERE latest").fetchall()
    finally:
        con.close()
    assert len(arts) == 4
    for article_id, n_chars in arts:
        r = ingested.get(f"/articles/{article_id}")
        body = re.search(r'id="article-text">(.*?)</div>', r.text, re.S)[1]
        assert len(_plain(body)) == n_chars


def test_ingested_hostile_article_is_escaped(ingested):
    r = ingested.get("/search?q=Russia+attacked")
    link = re.search(r'<a href="(/articles/[^"]+)">&lt;script&gt;', r.text)
    assert link, "the hostile title is listed, escaped"
    pages = [ingested.get(link[1]).text, ingested.get("/events").text,
             ingested.get("/actors/RUS").text, ingested.get("/stories").text]
    for html in pages:
        assert "<script>window" not in html and "<img src=x" not in html
        assert 'href="javascript:' not in html


@pytest.mark.parametrize("params", [
    {"actor": "Pakistani"},            # a demonym selects the country's actors
    {"source": "Indian"},              # "Indian troops" is an Indian actor
    {"target": "Moscow"},              # a capital names its country
    {"attributed_to": "officials"},    # speakers that are no country
    {"actor": "person:UKR:olena bondar"},  # an actor page links by store key
    {"status": "alleged"},
])
def test_the_events_page_selects_what_the_events_command_selects(ingested, ingested_store,
                                                                  params):
    from newsevents.store.filters import event_filter
    from newsevents.store.queries import list_events

    con = duckdb.connect(str(ingested_store), read_only=True)
    try:
        expected = {r["event_id"] for r in list_events(con, event_filter(**params, limit=None))}
    finally:
        con.close()
    listed = set(re.findall(r'data-event="([^"]+)"',
                            ingested.get("/events", params={**params, "per_page": 200}).text))
    assert listed == expected
    assert expected, "each filter selects some of the invented events"
