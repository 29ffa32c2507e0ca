"""The widget in a real headless Chromium (Debian's, driven by Playwright): open the demo shop, open
the bubble with the keyboard, send a message, see streamed bundle cards, accept one, screenshot."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from assistant.storage import SqlSessionStore
from tests.assistant.api.live import live_server

pytestmark = pytest.mark.integration

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no chromium binary on PATH (Debian: apt-get install -y chromium; .ci/run installs it)")


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Any]:
    binary = chromium_binary()
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright comes with the dev extras")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=binary, args=CHROMIUM_FLAGS, headless=True)
        context = browser.new_context(viewport={"width": 1100, "height": 760})
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


@pytest.fixture
def base_url(app: FastAPI) -> Iterator[str]:
    with live_server(app) as url:
        yield url


def active_element_label(page: Any) -> str:
    """aria-label / id of the focused element, looking inside the widget's shadow root."""
    return str(
        page.evaluate(
            """() => {
                let el = document.activeElement;
                while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
                return el ? (el.getAttribute('aria-label') || el.id || el.tagName) : '';
            }"""
        )
    )


def test_a_shopper_chats_and_accepts_a_bundle_with_the_keyboard(
    page: Any, base_url: str, store: SqlSessionStore, tmp_path: Path
) -> None:
    page.goto(f"{base_url}/widget-demo")
    page.wait_for_selector("#bundlewise-widget", state="attached")

    page.keyboard.press("Tab")
    assert active_element_label(page) == "Open Shopping assistant"
    page.keyboard.press("Enter")
    page.wait_for_selector("section.panel:not([hidden])")
    assert active_element_label(page) == "bw-input"

    page.keyboard.type("a phone for photography with a case")
    page.keyboard.press("Enter")
    cards = page.locator("article.card")
    cards.nth(1).wait_for()
    assert cards.count() == 2
    page.wait_for_function(
        """() => {
            const root = document.querySelector('#bundlewise-widget').shadowRoot;
            const why = root.querySelectorAll('article.card .why');
            return why.length === 2 && [...why].every(p => p.textContent.includes('you save'));
        }"""
    )
    premium = cards.nth(1)
    assert premium.get_attribute("aria-label") == "premium bundle"
    assert "Acme Photon X Smartphone" in premium.inner_text()
    assert "$899.99" in premium.inner_text()
    assert "Save $48.00" in premium.inner_text()
    assert page.locator(".msg.bot").first.inner_text() == "Here are 2 bundles for you."

    premium.get_by_role("button", name="Accept the premium bundle for $899.99").click()
    page.get_by_text("Accepted: premium bundle at $899.99.").wait_for()
    accepted_button = premium.locator("button.accept")
    assert accepted_button.get_attribute("aria-disabled") == "true"
    assert active_element_label(page) == "Accepted: the premium bundle"  # focus stays in the widget
    screenshot = tmp_path / "widget.png"
    page.screenshot(path=str(screenshot))
    assert screenshot.stat().st_size > 10_000

    conversation_id = page.evaluate("() => sessionStorage.getItem('bundlewise:conversation:pk_demo')")
    conversation = store.get_conversation(conversation_id)
    accepted = [store.get_quote(b["quote_id"]).accepted_at for b in conversation["turns"][0]["bundles"]]
    assert accepted[0] is None
    assert accepted[1] is not None

    page.keyboard.press("Escape")
    page.wait_for_selector("section.panel[hidden]", state="attached")
    assert active_element_label(page) == "Open Shopping assistant"


def test_the_widget_shows_problems_from_the_api(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/widget-demo")
    page.evaluate("() => sessionStorage.setItem('bundlewise:conversation:pk_demo', 'gone')")
    page.locator("button.bubble").click()
    page.locator("#bw-input").fill("hello again")
    page.keyboard.press("Enter")
    page.locator(".msg.error").wait_for()
    assert "no conversation" in page.locator(".msg.error").inner_text()
