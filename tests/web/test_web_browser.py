"""End-to-end tests in Debian's headless Chromium driven by Playwright."""

import os
import re

import pytest

sync_api = pytest.importorskip("playwright.sync_api")
expect, sync_playwright = sync_api.expect, sync_api.sync_playwright

from newsevents.web.live import CHROMIUM, launch_chromium, live_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is not installed"),
]


@pytest.fixture(scope="module")
def base_url(coded_store):
    with live_server(coded_store) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


# Playwright's wait_for_function evaluates a string, which our CSP (no 'unsafe-eval')
# rightly forbids; so waits go through locators and URLs instead.
def _rows(page):
    return page.locator("#events-table tbody tr[data-event]")


def test_filters_swap_the_table_and_open_an_event(page, base_url):
    page.goto(f"{base_url}/events")
    assert page.evaluate("typeof window.htmx") == "object"
    page.evaluate("window.__same_page = 1")  # survives only if htmx swaps, not reloads
    expect(_rows(page)).to_have_count(10)
    page.select_option("select[name=type]", "THREATEN")
    page.wait_for_url(re.compile(r"type=THREATEN"))  # hx-push-url keeps the filter in the URL
    expect(_rows(page)).to_have_count(1)
    assert page.evaluate("window.__same_page") == 1
    assert page.locator("#csv-link").get_attribute("href").endswith("type=THREATEN")
    page.select_option("select[name=type]", "")
    page.fill("input[name=actor]", "Pakistan")
    page.press("input[name=actor]", "Enter")
    page.wait_for_url(re.compile(r"actor=Pakistan"))
    expect(_rows(page)).to_have_count(3)
    assert sorted(page.locator("#events-table tbody tr[data-event] td:nth-child(2)").all_inner_texts()) \
        == ["ASSAULT", "ASSAULT", "THREATEN"]
    page.click("#events-table a.event-link >> nth=0")
    page.wait_for_selector("#evidence")
    assert "/events/" in page.url


def test_sorting_by_clicking_a_header(page, base_url):
    page.goto(f"{base_url}/events")
    page.click("th a[data-sort=type]")  # first click: A to Z
    page.wait_for_url(re.compile(r"sort=type&order=asc"))
    expect(page.locator("th a.sorted[data-sort=type]")).to_contain_text("▲")
    types = page.locator("#events-table tbody td:nth-child(2)").all_inner_texts()
    assert types == sorted(types) and len(set(types)) > 1
    page.click("th a[data-sort=type]")  # second click: Z to A
    page.wait_for_url(re.compile(r"sort=type(?!&order=asc)"))
    expect(page.locator("th a.sorted[data-sort=type]")).to_contain_text("▼")
    again = page.locator("#events-table tbody td:nth-child(2)").all_inner_texts()
    assert again == sorted(types, reverse=True)


def test_event_evidence_is_highlighted(page, base_url):
    page.goto(f"{base_url}/events?type=AID&status=reported&attributed_to=Western")
    page.click("a.event-link")
    page.wait_for_selector("#evidence mark.hl-trigger")
    marks = {cls: page.locator(f"#evidence mark.{cls}").all_inner_texts()
             for cls in ("hl-trigger", "hl-source", "hl-target", "hl-cue", "hl-speaker")}
    assert marks == {"hl-trigger": ["sent"], "hl-source": ["Iran"], "hl-target": ["Russia"],
                     "hl-cue": ["said"], "hl-speaker": ["Western officials"]}
    # the stylesheet applied (CSP allows 'self' styles): the trigger has a coloured background
    bg = page.eval_on_selector("#evidence mark.hl-trigger", "e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("#event-status").inner_text() == "reported"


def test_untrusted_article_text_does_not_execute(page, base_url):
    csp_errors = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security" in m.text else None)
    page.goto(f"{base_url}/search?q=attack")
    page.click("#found-articles a")
    page.wait_for_selector("#article-text")
    shown = page.locator("#article-text").inner_text()
    assert "<script>window.__xss=1</script>" in shown  # shown as text, not run
    assert page.locator("#article-text script, #article-text img, #article-text a").count() == 0
    page.click("#article-events a >> nth=0")
    page.wait_for_selector("#evidence")
    for path in ("/events", "/actors/UKR", "/actors/RUS"):
        page.goto(base_url + path)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []
    assert not page.locator("a[href^='javascript:']").count()
    assert csp_errors == []  # nothing even tried to run inline


def test_search_box(page, base_url):
    page.goto(f"{base_url}/events")
    page.fill("header input[type=search]", "Rahimi")
    page.press("header input[type=search]", "Enter")
    page.wait_for_selector("#found-quotes")
    assert "We have not sent any drones" in page.locator("#found-quotes").inner_text()
    page.click("#found-actors a")
    page.wait_for_selector("#actor-name")
    assert page.locator("#actor-name").inner_text() == "Ali Rahimi"
    assert re.search(r"/actors/person", page.url)


def test_ingested_hostile_article_does_not_execute(browser, ingested_store):
    """The real ingest of an article with <script>, onerror= and javascript: links."""
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with live_server(ingested_store) as url:
        page.goto(f"{url}/articles")
        page.click("#articles-table a:has-text('<script>')")
        page.wait_for_selector("#article-text")
        assert "<script>window.__xss=1</script>" in page.locator("#article-text").inner_text()
        assert "<script>window.__xss=5</script>" in page.locator("h1").inner_text()
        for link in page.locator("#article-events a").all():
            page.goto(url + link.get_attribute("href"))
            page.wait_for_selector("#evidence")
            assert page.evaluate("typeof window.__xss") == "undefined"
            page.go_back()
        page.goto(f"{url}/events")
        assert page.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []
    context.close()


def test_back_button_restores_the_previous_filter(page, base_url):
    page.goto(f"{base_url}/events")
    expect(_rows(page)).to_have_count(10)
    page.select_option("select[name=status]", "denied")
    page.wait_for_url(re.compile(r"status=denied"))
    expect(_rows(page)).to_have_count(1)
    page.go_back()
    page.wait_for_url(re.compile(r"/events$"))
    expect(_rows(page)).to_have_count(10)
    expect(page.locator("#filters")).to_have_count(1)


def test_typing_in_any_text_filter_updates_the_table(page, base_url):
    page.goto(f"{base_url}/events")
    expect(_rows(page)).to_have_count(10)
    page.locator("input[name=text]").press_sequentially("retaliate", delay=30)
    page.wait_for_url(re.compile(r"text=retaliate"))
    expect(_rows(page)).to_have_count(1)
    page.locator("input[name=outlet]").press_sequentially("Harbour", delay=30)
    page.wait_for_url(re.compile(r"outlet=Harbour"))
    expect(_rows(page)).to_have_count(1)
    page.locator("input[name=text]").fill("")
    page.wait_for_url(re.compile(r"/events\?outlet=Harbour$"))  # canonical: no empty fields
    expect(_rows(page)).to_have_count(3)
