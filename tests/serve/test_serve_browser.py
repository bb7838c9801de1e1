"""The page of `vigie serve` in Debian's Chromium, driven by Playwright, against a real server.

Screenshots go to tests/screenshots/ for a person to look at. Chromium missing is a failure,
not a skip: CI installs it (.ci/run).
"""
from __future__ import annotations

import os
import re

import httpx
import pytest
from playwright.sync_api import expect, sync_playwright

from serve_helpers import EXAMPLE_CITIES, REPO

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = REPO / "tests" / "screenshots"
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
LYON = ("Samedi, environ 2 000 personnes ont manifesté à Lyon contre la réforme des retraites, "
        "selon la préfecture. « Nous ne lâcherons rien », a déclaré Sophie Martin, secrétaire "
        "de l'union départementale CGT.")


@pytest.fixture(scope="module")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class Watched:
    """A page whose failed requests, console errors and foreign requests are recorded."""

    def __init__(self, browser, server, viewport=LAPTOP, lang="fr"):
        self.page = browser.new_page(viewport=viewport, locale="fr-FR" if lang == "fr" else "en-GB")
        self.server = server
        self.problems: list[str] = []
        self.requests: list[str] = []
        p = self.page
        p.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        p.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        p.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        p.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))
        p.on("request", lambda r: self.requests.append(r.url))

    def open(self, path="/"):
        self.page.goto(self.server.base + path)
        self.page.wait_for_selector("body[data-ready]", timeout=20_000)
        self.idle()
        return self.page

    def idle(self):
        # a selector, not a JS predicate: the page's CSP forbids eval
        self.page.wait_for_selector("body:not([data-busy])", state="attached", timeout=20_000)

    def check(self):
        foreign = [u for u in self.requests if not u.startswith(self.server.base) and not u.startswith("data:")]
        assert not foreign, f"requests outside vigie: {foreign}"
        assert not self.problems, "\n".join(self.problems)

    def shot(self, name, full_page=False):
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def rows(page):
    return page.locator("#events tbody tr[data-event]")


def test_page_shows_the_founding_example(browser, server, stored):
    w = Watched(browser, server)
    page = w.open("/?lang=fr")
    n = len(stored["events"])
    expect(rows(page)).to_have_count(n)
    table_text = page.locator("#events tbody").inner_text()
    for city in EXAMPLE_CITIES:
        assert city in table_text
    with_coords = sum(1 for e in stored["events"] if e["lat"] is not None)
    expect(page.locator("#map path.event-marker")).to_have_count(with_coords)
    expect(page.locator("#map .leaflet-pane path")).not_to_have_count(0)  # the country outlines
    expect(page.locator("#table-summary")).to_have_text(re.compile(rf"1–{n} sur {n}"))
    days = sorted({e["date_start"] for e in stored["events"]})
    assert set(page.locator("#timeline rect.bar").evaluate_all("bars => bars.map(b => b.dataset.day)")) == set(days)
    w.shot("page-laptop-fr")
    w.check()


def test_timeline_filters_table_and_map(browser, server, stored):
    w = Watched(browser, server, lang="en")
    page = w.open("/?lang=en")
    n = len(stored["events"])
    on_day = sum(1 for e in stored["events"] if e["date_start"] == "2016-12-13")
    assert on_day >= 5
    bar = page.locator('#timeline rect.bar[data-day="2016-12-13"]')
    bar.click()  # one day: the example's day
    w.idle()
    expect(page.locator("#brush-label")).to_contain_text("Selected period")
    expect(rows(page)).to_have_count(on_day)
    assert set(rows(page).locator("td:first-child").all_inner_texts()) == {"2016-12-13"}

    box = page.locator("#timeline").bounding_box()
    bar_box = bar.bounding_box()
    y = box["y"] + box["height"] / 2
    first_bar = page.locator("#timeline rect.bar").first.bounding_box()
    assert first_bar["x"] - box["x"] > 80, "no room left of the first bar"
    page.mouse.move(box["x"] + 50, y)  # drag across days before the first bar: no event there
    page.mouse.down()
    page.mouse.move(first_bar["x"] - 15, y, steps=5)
    page.mouse.up()
    w.idle()
    expect(page.locator("#events tbody tr.empty")).to_have_count(1)
    expect(page.locator("#map path.event-marker")).to_have_count(0)
    expect(page.locator("#table-summary")).to_have_text("0–0 of 0")
    expect(page.locator("#timeline rect.bar.out")).to_have_count(len({e["date_start"] for e in stored["events"]}))
    w.shot("timeline-brushed-empty")

    page.mouse.move(bar_box["x"] - 10, y)  # drag across the bar: its events come back
    page.mouse.down()
    page.mouse.move(bar_box["x"] + bar_box["width"] + 10, y, steps=5)
    page.mouse.up()
    w.idle()
    expect(rows(page)).to_have_count(on_day)
    page.locator("#brush-clear").click()
    w.idle()
    expect(page.locator("#brush-clear")).to_be_hidden()
    expect(rows(page)).to_have_count(n)

    page.locator('#filters input[name="country"]').fill("de")  # a filter narrows map, table and timeline
    w.idle()
    expect(rows(page)).to_have_count(1)
    expect(page.locator("#map path.event-marker")).to_have_count(1)
    expect(page.locator("#timeline rect.bar")).to_have_attribute("data-value", "1")
    w.check()


def marked(page, kind: str) -> str:
    return " ".join(page.locator(f"#article-text mark.k-{kind}").all_inner_texts())


def squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_article_view_highlights_the_evidence(browser, server, stored):
    w = Watched(browser, server)
    page = w.open("/")
    london = next(e for e in stored["article"]["events"] if e["location"]["city"] == "London")
    rows(page).filter(has_text="London").first.click()
    dialog = page.locator("#article-view")
    expect(dialog).to_be_visible()
    expect(page.locator("#article-events button[aria-current]")).to_contain_text("London")
    expect(page.locator("#article-text mark.k-place").first).to_be_visible()

    evidence = squash(marked(page, "evidence"))
    assert squash(london["evidence"]["text"]).startswith(evidence[:40])
    fields = {"place": london["location"]["text"], "date": (london.get("date") or {}).get("text"),
              "size": (london.get("size") or {}).get("text"),
              "target": (london.get("target") or {}).get("text")}
    for kind in ("place", "date", "size"):
        assert fields[kind], f"the extractor gives no {kind} text for London"
    for kind, words in fields.items():
        if words:
            assert squash(words) in squash(marked(page, kind)), (kind, words, marked(page, kind))
    for claim in london.get("claims") or []:
        assert squash(claim) in squash(marked(page, "claim"))

    quotes = stored["article"]["quotes"]
    assert quotes
    quote_text = squash(marked(page, "quote"))
    for q in quotes:
        assert squash(q["text"])[:30] in quote_text
        if q.get("speaker"):
            assert q["speaker"]["text"] in marked(page, "speaker")
            expect(page.locator("#article-quotes")).to_contain_text(q["speaker"]["text"])
    w.shot("article-london")

    page.locator("#article-events button", has_text="Berlin").click()  # another event of the article
    expect(page.locator("#article-events button[aria-current]")).to_contain_text("Berlin")
    assert "Berlin" in marked(page, "place")
    berlin = next(e for e in stored["article"]["events"] if e["location"]["city"] == "Berlin")
    for claim in berlin.get("claims") or []:  # the words themselves, even where offsets are off
        assert squash(claim) in squash(marked(page, "claim"))
    w.shot("article-berlin")
    dialog.locator("[data-close]").click()
    expect(dialog).to_be_hidden()
    w.check()


def test_map_circle_opens_its_article(browser, server):
    w = Watched(browser, server)
    page = w.open("/")
    page.locator('#filters input[name="city"]').fill("Paris")
    w.idle()
    expect(page.locator("#map path.event-marker")).to_have_count(1)
    page.locator("#map path.event-marker").click(force=True)
    expect(page.locator("#article-view")).to_be_visible()
    expect(page.locator("#article-events button[aria-current]")).to_contain_text("Paris")
    assert "Paris" in marked(page, "place")
    w.check()


def test_link_to_an_event_opens_its_article(browser, server, stored):
    istanbul = next(e for e in stored["events"] if e["city"] == "Istanbul")
    w = Watched(browser, server)
    page = w.open(f"/#article={istanbul['article_id']}&event={istanbul['event_id']}")
    expect(page.locator("#article-view")).to_be_visible()
    expect(page.locator("#article-events button[aria-current]")).to_contain_text("Istanbul")
    page.keyboard.press("Escape")
    expect(page.locator("#article-view")).to_be_hidden()
    # the dialog's close event, which clears the address, comes in a later task than the hiding
    page.wait_for_function("() => location.hash === ''", timeout=5000)
    rows(page).filter(has_text="Paris").first.click()  # opening an event puts it in the address
    expect(page.locator("#article-view")).to_be_visible()
    assert "article=" in page.evaluate("location.hash")
    w.check()


def test_a_refused_filter_is_reported(browser, server, stored):
    w = Watched(browser, server, lang="en")
    page = w.open("/?lang=en")
    page.locator('#filters input[name="country"]').fill("ZZ")  # two letters, but no country
    expect(page.locator("#status")).to_be_visible()
    expect(page.locator("#status")).to_contain_text("unknown ISO 3166-1 alpha-2 code")
    page.locator('#filters input[name="country"]').fill("TR")
    expect(page.locator("#status")).to_be_hidden()
    expect(rows(page)).to_have_count(1)
    # the 422 answers are the only problems the browser saw
    assert w.problems and all("422" in p for p in w.problems), w.problems


def test_paste_box_extracts_a_new_article(browser, server, stored):
    w = Watched(browser, server)
    page = w.open("/")
    page.locator("#paste-open").click()
    expect(page.locator("#paste-view")).to_be_visible()
    page.locator('#paste-form textarea[name="text"]').fill(LYON)
    page.locator('#paste-form input[name="published"]').fill("2023-03-13")
    page.locator('#paste-form input[name="title"]').fill("Retraites à Lyon")
    w.shot("paste-filled")
    page.locator("#paste-run").click()
    view = page.locator("#article-view")
    expect(view).to_be_visible(timeout=60_000)
    expect(page.locator("#article-title")).to_have_text("Retraites à Lyon")
    expect(page.locator("#article-meta")).to_contain_text("non enregistré")
    expect(page.locator("#article-events button[aria-current]")).to_contain_text("Lyon")
    assert "Lyon" in marked(page, "place")
    assert "Sophie Martin" in page.locator("#article-quotes").inner_text()
    w.shot("paste-result")
    view.locator("[data-close]").click()
    # nothing was stored
    assert httpx.get(server.base + "/api/events").json()["total"] == len(stored["events"])
    expect(rows(page)).to_have_count(len(stored["events"]))
    w.check()


def test_phone_width_and_languages(browser, server, stored):
    w = Watched(browser, server, viewport=PHONE, lang="en")
    page = w.open("/?lang=en")
    expect(page.locator("#paste-open")).to_have_text("Paste an article")
    expect(rows(page)).to_have_count(len(stored["events"]))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    map_box = page.locator("#map").bounding_box()
    assert map_box["width"] <= PHONE["width"] and map_box["height"] >= 250
    expect(page.locator("#filters")).to_be_hidden()  # folded away on a phone
    page.locator("#filters-toggle").click()
    expect(page.locator('#filters input[name="city"]')).to_be_visible()
    w.shot("page-phone-en", full_page=True)
    page.locator("#lang").select_option("fr")
    expect(page.locator("#paste-open")).to_have_text("Coller un article")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    w.idle()
    rows(page).first.click()
    expect(page.locator("#article-view")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    w.shot("article-phone-fr")
    w.check()


def test_api_docs_load_offline(browser, server):
    w = Watched(browser, server)
    page = w.page
    page.goto(server.base + "/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible(timeout=20_000)
    expect(page.locator(".swagger-ui")).to_contain_text("/api/extract")
    w.shot("api-docs")
    w.check()
