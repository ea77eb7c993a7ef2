"""Every page over a small store written through the store API (in-process HTTP)."""

import csv
import io
import re

import pytest
from web_store import coded_results, drones, xss

from newsevents.store.ledger import article_key


def _uid(result, event_id):
    return f"{article_key(result.article.text, result.article.url)}:{event_id}"


def covered(html, cls):
    """Maximal runs of text inside marks of class ``cls`` (a piece may carry several classes)."""
    runs, current = [], ""
    for m in re.finditer(r'<mark class="([^"]+)"[^>]*>([^<]*)</mark>|([^<]+)', html):
        if m[1] is not None and cls in m[1].split():
            current += m[2]
        elif current:
            runs.append(current)
            current = ""
    return runs + ([current] if current else [])


def _event_ids(html):
    return re.findall(r'data-event="([^"]+)"', html)


def test_events_table_lists_every_report_with_badges(client):
    r = client.get("/events")
    assert r.status_code == 200
    assert len(_event_ids(r.text)) == 10
    assert '<span class="badge status-reported">reported</span>' in r.text
    assert '<span class="badge type type-AID">AID</span>' in r.text


@pytest.mark.parametrize("query, expected", [
    ("type=AID", {"drones:e1", "drones:e4", "drones-again:e1"}),
    ("type=assault", {"clash:e1", "clash-again:e1", "xss:e1"}),
    ("status=reported", {"drones:e1", "drones-again:e1", "clash:e1", "clash-again:e1", "xss:e1"}),
    ("status=denied", {"drones:e4"}),
    ("actor=Iran", {"drones:e1", "drones:e2", "drones:e3", "drones:e4", "drones-again:e1"}),
    ("actor=IRN", {"drones:e1", "drones:e2", "drones:e3", "drones:e4", "drones-again:e1"}),
    ("source=Iran", {"drones:e1", "drones:e2", "drones:e4", "drones-again:e1"}),
    ("target=Iran", {"drones:e3"}),
    ("attributed_to=western", {"drones:e1"}),
    ("attributed_to=Rahimi", {"drones:e4"}),
    ("outlet=harbour", {"clash:e1", "clash:e2", "drones-again:e1"}),
    ("since=2025-03-01", {"drones:e2", "drones:e3"}),
    ("until=2025-01-31", {"clash:e1", "clash:e2", "clash-again:e1"}),
    ("since=2025-02-01&until=2025-02-28",
     {"drones:e1", "drones:e4", "drones-again:e1", "xss:e1", "xss:e2"}),
    ("text=retaliate", {"clash:e2"}),
    ("text=hundreds+drones", {"drones:e1"}),
    ("actor=100%25", set()),  # % is literal, not a wildcard
    ("actor=Iran&type=ACCUSE", {"drones:e3"}),
])
def test_each_filter_selects_the_right_reports(client, query, expected):
    keys = {r.article.id: article_key(r.article.text, r.article.url)
            for r in coded_results()}
    want = {f"{keys[k.split(':')[0]]}:{k.split(':')[1]}" for k in expected}
    r = client.get(f"/events?{query}")
    assert r.status_code == 200
    assert set(_event_ids(r.text)) == want


def test_sorting_and_paging(client):
    r = client.get("/events?sort=date&order=asc&per_page=25")
    dates = re.findall(r'<td class="mono">(\d{4}-\d\d-\d\d)</td>', r.text)
    assert dates == sorted(dates) and len(dates) == 10
    r = client.get("/events?sort=date&order=desc")
    desc = re.findall(r'<td class="mono">(\d{4}-\d\d-\d\d)</td>', r.text)
    assert desc == sorted(desc, reverse=True)
    r = client.get("/events?sort=type&order=asc")
    types = re.findall(r'<span class="badge type type-(\w+)">', r.text)
    assert types == sorted(types)
    page2 = client.get("/events?page=2")
    assert page2.status_code == 200 and not _event_ids(page2.text)
    assert "No events match" in page2.text


def test_htmx_request_gets_only_the_results_fragment(client):
    r = client.get("/events?type=THREATEN", headers={"HX-Request": "true", "HX-Target": "results"})
    assert r.status_code == 200
    assert "<html" not in r.text and 'id="events-table"' in r.text
    assert len(_event_ids(r.text)) == 1
    assert r.headers["hx-push-url"] == "/events?type=THREATEN"


def test_csv_download_follows_the_filter_and_defuses_formulas(client):
    r = client.get("/events.csv?actor=Iran&sort=date&order=asc")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert len(table) == 5
    assert {row["type"] for row in table} == {"AID", "REJECT", "ACCUSE"}
    assert [row["date"] for row in table] == sorted(row["date"] for row in table)
    everything = list(csv.DictReader(io.StringIO(client.get("/events.csv").text)))
    assert len(everything) == 10
    assert not any(v.startswith(("=", "+", "@")) for row in everything for v in row.values())


def test_event_page_highlights_trigger_source_target_cue(client):
    r = client.get(f"/events/{_uid(drones(), 'e1')}")
    assert r.status_code == 200
    evidence = re.search(r'<div class="evidence-block" id="evidence">(.*?)</div>', r.text, re.S)[1]
    assert re.search(r'<mark class="hl-trigger"[^>]*>sent</mark>', evidence)
    assert re.search(r'<mark class="hl-source"[^>]*>Iran</mark>', evidence)
    assert re.search(r'<mark class="hl-target"[^>]*>Russia</mark>', evidence)
    assert re.search(r'<mark class="hl-cue"[^>]*>said</mark>', evidence)
    assert re.search(r'<mark class="hl-speaker"[^>]*>Western officials</mark>', evidence)
    assert re.search(r'<mark class="hl-date"[^>]*>in February</mark>', evidence)
    chain = re.search(r'id="attribution-chain">(.*?)</div>', r.text, re.S)[1]
    assert chain.index("Northern Ledger") < chain.index("Western officials") < chain.index("said")
    assert 'href="/actors/IRN"' in r.text and 'href="/actors/RUS"' in r.text


def test_unknown_event_article_actor_story_are_404(client):
    for path in ("/events/nope:e1", "/articles/nope", "/actors/NOPE", "/stories/nope"):
        assert client.get(path).status_code == 404, path


def test_article_page_highlights_and_greys_out_removed_text(client):
    result = drones()
    r = client.get(f"/articles/{article_key(result.article.text, result.article.url)}")
    assert r.status_code == 200
    body = re.search(r'id="article-text">(.*?)</div>', r.text, re.S)[1]
    assert re.search(r'<mark class="hl-removed"[^>]*>Subscribe to our morning newsletter</mark>',
                     body)
    assert re.search(r'<mark class="hl-actor"[^>]*>Tehran</mark>', body)
    assert re.search(r'<mark class="hl-event"[^>]*>denied</mark>', body)
    assert "We have not sent any drones in February," in covered(body, "hl-content")
    assert covered(body, "hl-event") == ["sent", "denied", "sent", "accused"]
    assert re.sub(r"<[^>]+>", "", body).replace("&#34;", '"') == result.article.text
    coded = re.search(r'id="article-events">(.*?)</ul>', r.text, re.S)[1]
    assert coded.count("<li>") == 4


def test_actor_page_has_timeline_network_quotes_and_claims(client):
    r = client.get("/actors/IRN")
    assert r.status_code == 200
    assert '<h1 id="actor-name">Iran</h1>' in r.text
    timeline = re.search(r'id="timeline">(.*?)</div>', r.text, re.S)[1]
    # Iran: AID in February; REJECT and ACCUSE stacked in March
    assert timeline.count("<rect") == 3
    for label in ("2025-02 AID: 3", "2025-03 REJECT: 1", "2025-03 ACCUSE: 1"):
        assert label in timeline
    network = re.search(r'id="network">(.*?)</div>', r.text, re.S)[1]
    assert 'href="/actors/RUS"' in network and "Olena Bondar" in network
    about = r.text.split("Claims made about Iran")[1]
    assert "hundreds of drones" in about  # AID attributed to Western officials
    rahimi = client.get("/actors/person:IRN:ali rahimi")
    assert rahimi.status_code == 200
    assert "We have not sent any drones" in rahimi.text.split('id="quotes"')[1]


def test_actor_list_and_name_filter(client):
    r = client.get("/actors")
    assert r.status_code == 200
    assert 'href="/actors/IRN"' in r.text and 'href="/actors/PAK"' in r.text
    only = client.get("/actors?name=paki")
    assert 'href="/actors/PAK"' in only.text and 'href="/actors/IRN"' not in only.text


def test_search_finds_actors_articles_and_quotes(client):
    r = client.get("/search?q=rahimi")
    assert "Ali Rahimi" in r.text.split('id="found-actors"')[1].split("</ul>")[0]
    assert "We have not sent" in r.text.split('id="found-quotes"')[1]
    r = client.get("/search?q=border")
    assert "Troops clash on the border" in r.text.split('id="found-articles"')[1]
    assert client.get("/search?q=").status_code == 200


def test_articles_list(client):
    r = client.get("/articles")
    assert r.status_code == 200
    titles = re.findall(r'<a href="/articles/[^"]+">([^<]+)</a>', r.text)
    assert len(titles) == 5 and "Troops clash on the border" in titles
    assert titles.index("Diplomats: Iran shipped drones") < titles.index("Troops clash on the border")


def test_stories_group_reports_across_articles(client):
    r = client.get("/stories")
    assert r.status_code == 200
    row = re.search(r'<tr><td><span class="badge type type-AID">AID</span></td>\s*<td><a href="(/stories/[^"]+)">'
                    r'AID Iran → Russia</a></td>\s*<td>(.*?)</td>\s*<td>2</td><td>2</td>', r.text)
    assert row, "the AID story with 2 articles and 2 outlets"
    statuses = dict(re.findall(r'status-(\w+)">\w+(?: ×(\d+))?<', row[2]))
    story = client.get(row[1])
    assert story.status_code == 200
    shown = dict(re.findall(r'status-(\w+)">\w+ ×(\d+)<', story.text.split('id="story-statuses"')[1]))
    n_reports = story.text.split('id="story-timeline"')[1].split("</ol>")[0].count("<li>")
    assert n_reports >= 2 and sum(map(int, shown.values())) == n_reports
    assert set(statuses) == set(shown)
    assert "Iran sent hundreds of drones" in story.text and "Iran shipped drones" in story.text
    # the event page shows the story and the OTHER report only
    ev = client.get(f"/events/{_uid(drones(), 'e1')}").text
    others = ev.split('id="story"')[1]
    assert "Iran shipped drones" in others and "Iran sent hundreds" not in others


def test_contradictions_side_by_side_with_sources(client):
    r = client.get("/contradictions")
    assert r.status_code == 200
    cards = r.text.split('<section class="card contradiction">')[1:]
    assert len(cards) == 4
    denial = next(c for c in cards if "claim and its denial" in c and "hundreds" in c)
    claim_side, denial_side = denial.split('<div class="vs">vs</div>')
    assert "status-reported" in claim_side and "Western officials" in claim_side
    assert "status-denied" in denial_side and "Ali Rahimi" in denial_side
    assert "published 2025-03-12" in denial_side and "same article" in denial
    rejected = next(c for c in cards if "an accusation and its rejection" in c)
    assert "Olena Bondar" in rejected and "Tehran denied the claim." in rejected
    figures = next(c for c in cards if "conflicting figures" in c)
    assert '<b class="figure">12</b>' in figures and '<b class="figure">4</b>' in figures
    assert "killed (people)" in figures and 'class="data small series"' in figures
    # strongest first: the two denials by other speakers naming both sides lead
    assert "claim and its denial" in cards[0] and "claim and its denial" in cards[1]


def test_untrusted_article_is_escaped_everywhere(client):
    result = xss()
    key = article_key(result.article.text, result.article.url)
    pages = [client.get(f"/articles/{key}").text, client.get(f"/events/{_uid(result, 'e1')}").text,
             client.get("/events").text, client.get("/actors/UKR").text,
             client.get("/search?q=attack").text]
    for html in pages:
        assert "<script>window" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html
        assert "<b>Evil</b>" not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in pages[0]


def test_htmx_history_restore_gets_the_whole_page(client):
    r = client.get("/events?type=AID", headers={"HX-Request": "true", "HX-Target": "results",
                                                "HX-History-Restore-Request": "true"})
    assert "<html" in r.text and 'id="filters"' in r.text


def test_article_versions_are_linked(tmp_path):
    from dataclasses import replace

    from fastapi.testclient import TestClient
    from web_store import clash, write_store

    from newsevents.web import create_app

    old = clash()
    new = replace(old, article=replace(old.article, text=old.article.text + " Updated."))
    client = TestClient(create_app(write_store(tmp_path / "v.duckdb", [old])))
    key_old = article_key(old.article.text, old.article.url)
    assert 'id="versions"' not in client.get(f"/articles/{key_old}").text
    from newsevents.store import open_store
    with open_store(tmp_path / "v.duckdb") as store:
        store.writer().write([("test:clash-v2", "test://clash", new)])
    page = client.get(f"/articles/{key_old}").text
    versions = page.split('id="versions"')[1].split("</p>")[0]
    assert "<b>version 1</b>" in versions and "version 2 (latest)" in versions
    assert "superseded" in versions
    # only the latest version's events are listed
    listed = client.get("/events").text
    assert key_old not in listed
    assert article_key(new.article.text, new.article.url) in listed


def test_events_table_links_actors_to_their_pages(client):
    row = client.get("/events?attributed_to=western").text.split('data-event="')[1]
    cells = re.findall(r"<td>(.*?)</td>", row, re.S)
    source, target, attributed = cells[2], cells[3], cells[4]  # after type and status
    assert source == '<a class="actor" href="/actors/IRN">Iran</a>'
    assert target == '<a class="actor" href="/actors/RUS">Russia</a>'
    assert attributed == '<a class="actor" href="/actors/group%3A%3Awestern%20officials">Western officials</a>'
