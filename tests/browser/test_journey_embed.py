"""Journey without JavaScript: a partner makes the code for a list of knowledge on /embed/ and sees the preview in
its frame; the list also shows in a frame on another HTTPS site, where an ordinary page of the portal is refused."""

from __future__ import annotations

from typing import Any

from tests.browser import harness


def _knowledge() -> None:
    from tests.factories import ResourceFactory, term

    ResourceFactory(title="Samen een wooncoöperatie beginnen", themes=[term("theme", "wonen")])
    ResourceFactory(title="Huurders organiseren zich", themes=[term("theme", "wonen")])
    ResourceFactory(title="Zorg voor elkaar in het dorp")


def test_partner_makes_the_code_and_sees_the_preview_without_javascript(nojs_page: Any, check_page: Any) -> None:
    _knowledge()
    page = nojs_page
    page.goto("/embed/")
    with page.expect_navigation():
        page.get_by_role("navigation", name="Kies de lijst").get_by_role("link", name="Kennis").click()
    page.get_by_label("Wonen").check()
    page.get_by_label("Aantal").fill("1")
    with page.expect_navigation():
        page.get_by_role("button", name="Code maken").click()
    check_page(page, "embed-code-gemaakt")

    code = page.get_by_label("Code voor je website").input_value()
    assert "/embed/kennis/?thema=wonen&amp;aantal=1" in code
    assert code.startswith("<iframe ") and 'title="Kennis, thema: Wonen – We Doen Het Samen"' in code
    preview = page.frame_locator("iframe.wdhs-embed-builder__preview")
    assert preview.locator("h1").inner_text().startswith("Kennis")
    links = preview.locator("li.wdhs-embed__item a")
    assert links.count() == 1
    assert links.first.inner_text().startswith(("Samen een wooncoöperatie", "Huurders organiseren"))
    assert links.first.get_attribute("target") == "_blank"


def test_a_frame_shows_the_embed_and_refuses_an_ordinary_page(page: Any, site: str) -> None:
    # A page of another site cannot be made here without TLS and a public address (Chromium keeps a public page
    # from framing localhost), so the frame sits on a page of the portal's own origin, which the embeds allow
    # ('self') and every other page refuses (frame-ancestors 'none' and X-Frame-Options DENY, also for 'self').
    _knowledge()
    host = f"{site}/proef-van-een-partner/"
    html = (
        '<!DOCTYPE html><html lang="nl"><head><title>Partner</title></head><body>'
        '<iframe id="lijst" title="Lijst" src="/embed/kennis/?thema=wonen"></iframe>'
        '<iframe id="pagina" title="Pagina" src="/kennis/"></iframe></body></html>'
    )
    page.route(host, lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    page.goto(host)
    embed = page.frame_locator("#lijst")
    embed.locator("li.wdhs-embed__item").first.wait_for()
    assert embed.locator("li.wdhs-embed__item").count() == 2
    page.wait_for_load_state("load")
    urls = [frame.url for frame in page.frames]
    assert "chrome-error://chromewebdata/" in urls, urls  # /kennis/ refused
    assert page.frame_locator("#pagina").locator("h1.utrecht-heading-1").count() == 0
    harness.log_of(page).errors.clear()
