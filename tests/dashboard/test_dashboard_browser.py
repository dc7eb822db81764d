"""The dashboard in headless Chromium on a real uvicorn server: pick a pair, chart, table, event, paste form."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect  # the page's CSP forbids eval, so waits use expect, not wait_for_function

from detente.model import Article

ARTICLES_DIR = Path(__file__).parents[1] / "store" / "articles"
CHROMIUM = "/usr/bin/chromium"
TOKEN = "browser-test-token"
# Written for this test: markup in an article must show as text and run nothing.
HOSTILE = Article(
    id="hostile",
    text='Georgia accused Russia of hiding <script>alert("xss")</script> weapons near the border. '
    "Russia rejected the claim <img src=x onerror=alert(1)> at once.",
    date=date(2012, 6, 1),
    url="javascript:alert(2)",
)

# Written for this test (issue 19): the recipient sits between the trigger's words, and there is no url.
URGED = Article(
    id="urged", text="Moldova urged Romania to reopen the border crossing at once.", date=date(2012, 7, 2)
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="needs Debian's chromium at /usr/bin/chromium"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from detente.api import create_app
    from detente.articles import read_articles
    from detente.store import open_store

    store = open_store(str(tmp_path_factory.mktemp("browser") / "dash.duckdb"))
    articles = list(read_articles([str(ARTICLES_DIR)], default_date=date(2012, 5, 14)))
    articles += [HOSTILE, URGED]
    report = store.load(articles)  # the real coder
    assert report.events_stored > 0
    port = _free_port()
    config = uvicorn.Config(create_app(store, token=TOKEN), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", store
    uv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


def test_pick_pair_see_chart_table_and_event(server, browser, tmp_path) -> None:
    base, store = server
    expected = store.query(pair=("GEO", "RUS"))
    months = store.monthly("GEO", "RUS")
    assert expected and months
    page = browser.new_page(viewport={"width": 1200, "height": 1600})
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base + "/")

    page.select_option("#pair-select", "GEO,RUS")
    page.wait_for_selector("#chart svg.detente-chart")
    expect(page.locator("#events tbody tr")).to_have_count(len(expected))

    # Chart: one group per month from first to last, bars matching the monthly counts.
    first, last = months[0]["month"], months[-1]["month"]
    span = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:]) - int(first[5:]) + 1
    assert page.get_attribute("#chart svg", "data-months") == str(span)
    bars = page.eval_on_selector_all("#chart rect.bar", "els => els.map(e => Number(e.dataset.count))")
    assert sum(bars) == sum(m["events"] for m in months)

    # Table: the pair's events, with their types; the type filter narrows it.
    types = page.eval_on_selector_all("#events tbody tr td:nth-child(2)", "tds => tds.map(t => t.textContent)")
    assert sorted(types) == sorted(e.event for e in expected)
    page.select_option("#type-filter", "ACCUSE")
    shown = page.eval_on_selector_all("#events tbody tr td:nth-child(2)", "tds => tds.map(t => t.textContent)")
    assert shown == ["ACCUSE"] * sum(e.event == "ACCUSE" for e in expected)
    page.select_option("#type-filter", "")
    page.click("th[data-key=event]")
    sorted_types = page.eval_on_selector_all("#events tbody tr td:nth-child(2)", "tds => tds.map(t => t.textContent)")
    assert sorted_types == sorted(sorted_types)

    # The hostile article's event: its sentence shows the markup as text, highlighted, and runs nothing.
    hostile = next(e for e in expected if e.doc_id == "hostile" and "<script>" in e.sentence)
    page.click(f"#events tbody tr[data-event-id='{hostile.event_id}']")
    page.wait_for_selector("#detail:not([hidden]) mark.trigger")
    sentence = page.text_content("#detail-sentence")
    assert '<script>alert("xss")</script>' in sentence
    assert (
        page.text_content("#detail-sentence mark.trigger")
        == hostile.sentence[
            hostile.trigger_start - HOSTILE.text.find(hostile.sentence) : hostile.trigger_end
            - HOSTILE.text.find(hostile.sentence)
        ]
    )
    assert page.locator("#detail-sentence mark.actor, #detail-sentence mark.recipient").count() >= 1
    assert page.locator("#detail script, #detail img").count() == 0
    assert page.get_attribute("#detail-source", "href") is None  # a javascript: url is not a link
    assert page.locator("#ledger").inner_text().strip() != ""

    # A period narrows chart and table to its months.
    page.fill("#since", "2012-06")
    page.fill("#until", "2012-06")
    page.click("#show")
    in_june = store.count(pair=("GEO", "RUS"), since="2012-06", until="2012-06")
    expect(page.locator("#events tbody tr")).to_have_count(in_june)
    assert page.get_attribute("#chart svg", "data-months") == "1"
    page.fill("#since", "")
    page.fill("#until", "")
    page.click("#show")
    expect(page.locator("#events tbody tr")).to_have_count(len(expected))

    screenshot = tmp_path / "dashboard.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000
    print(f"dashboard screenshot: {screenshot}")
    assert dialogs == []
    assert errors == []
    page.close()


def test_paste_an_article_and_see_its_events(server, browser, tmp_path) -> None:
    base, store = server
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base + "/")
    page.fill("#token", TOKEN)
    page.fill("#article-id", "pasted")
    page.fill("#article-date", "2013-02-01")
    page.fill("#article-text", "Moldova accused Russia of cutting gas supplies <img src=y onerror=alert(3)> again.")
    page.click("#code-article")
    page.wait_for_selector("#submit-events:not([hidden]) tbody tr")
    stored = store.query(doc_id="pasted")
    assert stored, "the real coder should find the accusation"
    assert page.locator("#submit-events tbody tr").count() == len(stored)
    assert "<img src=y onerror=alert(3)>" in page.text_content("#submit-events")
    assert page.locator("#submit-events img").count() == 0

    page.screenshot(path=str(tmp_path / "pasted.png"), full_page=True)
    print(f"pasted-article screenshot: {tmp_path / 'pasted.png'}")

    page.fill("#token", "wrong")
    page.fill("#article-id", "refused")
    page.click("#code-article")
    expect(page.locator("#submit-status")).to_contain_text("E138")
    assert store.query(doc_id="refused") == []
    assert dialogs == []
    page.close()


def test_first_hour_defects_are_gone(server, browser, tmp_path) -> None:
    """Issue 19: month fields read YYYY-MM, no pair has a blank side, counts are pluralised, no url is no
    link, and an actor or recipient between the trigger's words is highlighted."""
    base, store = server
    page = browser.new_page(viewport={"width": 1200, "height": 1400})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "/")

    for field in ("#since", "#until"):
        assert page.get_attribute(field, "type") in (None, "text")
        assert page.get_attribute(field, "placeholder") == "YYYY-MM"
    options = page.eval_on_selector_all("#pair-select option", "os => os.map(o => o.textContent)")[1:]
    assert options and all(not o.startswith(" ") and " –  " not in o for o in options), options
    assert all(len(o.split(" – ")) == 2 and all(side.strip() for side in o.split(" – ")) for o in options)

    page.fill("#code-a", "MDA")
    page.fill("#code-b", "ROU")
    page.click("#show")
    expect(page.locator("#events tbody tr")).to_have_count(store.count(pair=("MDA", "ROU")))
    page.click("#events tbody tr")
    page.wait_for_selector("#detail:not([hidden]) mark.trigger")
    assert page.text_content("#detail-sentence mark.actor") == "Moldova"
    assert page.text_content("#detail-sentence mark.recipient") == "Romania"
    assert page.locator("#detail-sentence mark.trigger").count() >= 2
    reports = page.text_content("#detail-facts dt:text-is('reports') + dd")
    assert reports == "1 mention, 1 source, 1 article"
    assert page.text_content("#pick-status") == "MDA – ROU: 1 event."
    assert page.locator("#detail-source").is_hidden()
    assert page.text_content("#detail-no-source") == "none"
    assert page.locator("#detail-no-source").is_visible()
    assert page.locator("#detail a:text-is('none')").count() == 0

    screenshot = tmp_path / "first-hour.png"
    page.screenshot(path=str(screenshot), full_page=True)
    print(f"first-hour screenshot: {screenshot}")
    assert errors == []
    page.close()


def test_overview_on_landing_and_a_country_page(server, browser, tmp_path) -> None:
    """Issue 19: the landing page answers "what happened lately"; a country has a page of its own."""
    base, store = server
    page = browser.new_page(viewport={"width": 1200, "height": 1400})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base + "/")

    page.wait_for_selector("#overview-chart svg.stacked")
    assert page.locator("#overview-chart polygon.area").count() >= 2  # at least two quad classes stacked
    assert int(page.get_attribute("#overview-chart svg", "data-months")) >= 2
    expect(page.locator("#overview-countries li")).not_to_have_count(0)
    countries = page.eval_on_selector_all("#overview-countries li", "lis => lis.map(l => l.dataset.code)")
    assert "GEO" in countries and "RUS" in countries
    changes = page.eval_on_selector_all("#overview-changes li", "lis => lis.map(l => l.textContent)")
    assert any(c.startswith("GEO – RUS: ") for c in changes), changes
    landing = tmp_path / "overview.png"
    page.screenshot(path=str(landing), full_page=True)
    print(f"overview screenshot: {landing}")

    # a country from the list opens its page: chart, partners, threads
    page.click("#overview-countries li[data-code='GEO']")
    expect(page.locator("#country-name")).to_have_text("Georgia (GEO)")
    page.wait_for_selector("#country-chart svg.stacked")
    partners = page.eval_on_selector_all("#country-partners li", "lis => lis.map(l => l.dataset.pair)")
    assert "GEO,RUS" in partners
    assert page.locator("#country-threads li").count() >= 1
    country = tmp_path / "country.png"
    page.locator("#country").screenshot(path=str(country))
    print(f"country screenshot: {country}")

    # the search box finds a country by code; a partner opens the pair page
    page.fill("#country-search", "rus")
    page.click("#country-go")
    expect(page.locator("#country-name")).to_have_text("Russia (RUS)")
    page.click("#country-partners li[data-pair='RUS,GEO']")
    expect(page.locator("#events tbody tr")).to_have_count(store.count(pair=("GEO", "RUS")))
    pair = tmp_path / "pair.png"
    page.screenshot(path=str(pair), full_page=True)
    print(f"pair screenshot: {pair}")
    assert errors == []
    page.close()


QUAD_COLOURS = {  # map.js's colours, the chart's
    "verbal_cooperation": "#8cc98c",
    "material_cooperation": "#2e7d4f",
    "verbal_conflict": "#f0a35e",
    "material_conflict": "#b83227",
}


def _places(events) -> dict[str, list]:
    """The pair's events by place, as the map groups them (name, state and point)."""
    out: dict[str, list] = {}
    for e in events:
        if e.place.lat is not None:
            out.setdefault(f"{e.place.name}|{e.place.country}|{e.place.lat}|{e.place.lon}", []).append(e)
    return out


def test_map_of_a_pairs_events(server, browser, tmp_path) -> None:
    """Issue 17: the pair's events by place over country shapes that detente serves itself, sized by count,
    coloured by quad, filtered as the table is; a click on a place opens its events."""
    base, store = server
    expected = store.query(pair=("GEO", "RUS"))
    places = _places(expected)
    assert len(places) >= 2, "the test articles place the pair's events in more than one place"
    page = browser.new_page(viewport={"width": 1200, "height": 1400})
    errors, requests = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + "/")
    page.select_option("#pair-select", "GEO,RUS")
    expect(page.locator("#map circle.place")).to_have_count(len(places))

    # Shapes: every Natural Earth country, the pair's two shaded; nothing fetched from anywhere else.
    assert page.locator("#map path.country").count() >= 170
    shaded = page.eval_on_selector_all("#map path.country.pair", "ps => ps.map(p => p.dataset.iso)")
    assert sorted(shaded) == ["GEO", "RUS"]
    assert all(url.startswith(base) for url in requests), [u for u in requests if not u.startswith(base)]

    # One circle per place: its count, and the colour of its most frequent quad; bigger count, bigger circle.
    circles = page.eval_on_selector_all(
        "#map circle.place",
        "cs => cs.map(c => [c.dataset.key, Number(c.dataset.count),"
        " c.getAttribute('fill'), Number(c.getAttribute('r'))])",
    )
    for key, count, fill, _ in circles:
        events = places[key]
        assert count == len(events)
        quads = sorted({e.quad for e in events}, key=lambda q: (-sum(e.quad == q for e in events), q))
        assert fill == QUAD_COLOURS[quads[0]]
    by_count = sorted(circles, key=lambda c: c[1])
    assert by_count[0][3] <= by_count[-1][3]
    expect(page.locator("#map-count")).to_contain_text(f"{len(places)} places")

    # The table's controls filter the map too.
    page.select_option("#type-filter", "ACCUSE")
    accusations = _places([e for e in expected if e.event == "ACCUSE"])
    expect(page.locator("#map circle.place")).to_have_count(len(accusations))
    counts = page.eval_on_selector_all("#map circle.place", "cs => cs.map(c => Number(c.dataset.count))")
    assert sum(counts) == sum(len(v) for v in accusations.values())
    page.select_option("#type-filter", "")
    expect(page.locator("#map circle.place")).to_have_count(len(places))

    # A click on a place opens its events: the table shows them only, the first in detail. The northernmost
    # place's circle stands alone (a click at its centre reaches it); the busiest is opened from the keyboard.
    north = max(places, key=lambda k: float(k.split("|")[2]))
    page.click(f"#map circle.place[data-key='{north}']")
    expect(page.locator("#events tbody tr")).to_have_count(len(places[north]))
    page.click("#place-clear")
    key, count = max(((k, len(v)) for k, v in places.items()), key=lambda kv: (kv[1], kv[0]))
    page.focus(f"#map circle.place[data-key='{key}']")
    page.keyboard.press("Enter")
    expect(page.locator("#events tbody tr")).to_have_count(count)
    shown = page.eval_on_selector_all("#events tbody tr", "rs => rs.map(r => r.dataset.eventId)")
    assert sorted(shown) == sorted(e.event_id for e in places[key])
    page.wait_for_selector("#detail:not([hidden])")
    assert page.locator("#place-filter").is_visible()
    assert page.get_attribute(f"#map circle.place[data-key='{key}']", "class").endswith("selected")
    # the detail is fetched after the click: wait for it, not for the one the earlier click opened
    place_fact = page.locator("#detail-facts dt:text-is('place') + dd")
    expect(place_fact).to_have_text(re.compile("^" + re.escape(key.split("|")[0])))

    page.locator("#events-section").screenshot(path=str(tmp_path / "map.png"))
    page.screenshot(path=str(tmp_path / "map-page.png"), full_page=True)
    print(f"map screenshot: {tmp_path / 'map.png'}")
    assert (tmp_path / "map.png").stat().st_size > 10_000

    page.click("#place-clear")
    expect(page.locator("#events tbody tr")).to_have_count(len(expected))
    assert errors == []
    page.close()
