"""Fixtures for the browser tests: one Chromium, one HTML checker and one live server for the package.

The tests run against a live Django server on the real test database. What a test writes is committed
at once (the server runs in another thread and must see it); after each test every table is emptied
except the reference data that every installation has (places, taxonomy, synonyms, goals, content
types), which stays as it was. That is what pytest-django's `transactional_db` does with a flush and a
reload after `migrate`, in a fraction of the time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests import summary
from tests.browser import harness
from tests.database import empty_content_tables


@pytest.fixture(scope="session")
def browser_tools_available() -> None:
    missing = harness.missing_tools()
    if not missing:
        return
    if harness.in_ci():
        pytest.fail(
            "BROWSERTESTS KUNNEN NIET DRAAIEN, en in CI (CI=true) is dat een fout. Dit ontbreekt: "
            + "; ".join(missing),
            pytrace=False,
        )
    reason = "BROWSERTESTS OVERGESLAGEN. Dit ontbreekt: " + "; ".join(missing) + ". Draai `make test` als root."
    summary.report("browsertests", [reason], loud=True)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def playwright_driver(browser_tools_available: None) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in the main thread; Django then refuses database calls from
    # that thread although they are plain sync calls. Allowed only while the browser runs (this package).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as driver:
            yield driver
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser(playwright_driver: Any) -> Iterator[Any]:
    chromium = playwright_driver.chromium.launch(executable_path=harness.find_chromium(), args=harness.CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture(scope="package")
def html_checker(browser_tools_available: None) -> Iterator[harness.HtmlChecker]:
    checker = harness.HtmlChecker()
    checker.start()
    yield checker
    checker.stop()


@pytest.fixture(scope="package")
def live_site(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """A live server for the whole package; the tests open the database to it (see `transactional_db`)."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        empty_content_tables()
    server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost")
    yield server.url
    server.stop()


@pytest.fixture
def transactional_db(live_site: str, django_db_blocker: Any) -> Iterator[None]:
    """pytest-django's fixture of this name, for the browser tests: writes commit at once, so the server's
    threads see them, and afterwards every table but the reference data is emptied (no flush, no reload)."""
    with django_db_blocker.unblock():
        yield
        empty_content_tables()


@pytest.fixture
def site(live_site: str, transactional_db: None) -> str:
    """The base URL of the portal on the live server; what the test wrote is gone afterwards."""
    return live_site


@pytest.fixture(scope="package")
def context_pool(browser: Any, live_site: str) -> Iterator[dict[bool, list[Any]]]:
    """Browser contexts kept for the whole package, per JavaScript setting: a warm HTTP cache for the style
    sheets and fonts saves a few hundred milliseconds on every test's first page. Each test still gets
    contexts of its own (see `open_page`), emptied of cookies and tabs before it starts."""
    pool: dict[bool, list[Any]] = {True: [], False: []}
    yield pool
    for contexts in pool.values():
        for context in contexts:
            context.close()


@pytest.fixture
def open_page(browser: Any, site: str, context_pool: dict[bool, list[Any]]) -> Iterator[Any]:
    """`open_page(javascript=True, viewport=harness.DESKTOP)`: a new browser tab in a context of its own (own cookies).

    Two tabs in one test (a staff member and a resident) never share a context.
    """
    used: dict[bool, int] = {True: 0, False: 0}
    pages = []

    def open_page(*, javascript: bool = True, viewport: dict[str, int] = harness.DESKTOP) -> Any:
        contexts = context_pool[javascript]
        if used[javascript] == len(contexts):
            context = browser.new_context(
                base_url=site, java_script_enabled=javascript, locale="nl-NL", reduced_motion="reduce"
            )
            context.set_default_timeout(15_000)
            # A tab that stays open keeps the renderer process alive between tests: starting one costs more
            # than most checks (one renderer for every tab, see harness.CHROMIUM_ARGS).
            context.new_page().goto(f"{site}/robots.txt")
            contexts.append(context)
        context = contexts[used[javascript]]
        used[javascript] += 1
        context.clear_cookies()
        page = context.new_page()
        page.set_viewport_size(viewport)
        pages.append(page)
        harness.watch(page, javascript=javascript)
        return page

    yield open_page
    for page in pages:
        page.close()


@pytest.fixture
def page(open_page: Any) -> Any:
    """A browser tab with JavaScript on, 1280 px wide."""
    return open_page()


@pytest.fixture
def nojs_page(open_page: Any) -> Any:
    """A browser tab with JavaScript off: everything must work without it."""
    return open_page(javascript=False)


@pytest.fixture
def phone_page(open_page: Any) -> Any:
    """A browser tab as on a 360 px wide phone."""
    return open_page(viewport=harness.PHONE)


@pytest.fixture
def log_in(site: str) -> Any:
    """`log_in(page, user)`: give the browser the session of `user` (the login form has its own journey)."""
    from django.conf import settings
    from django.test import Client

    def log_in(page: Any, user: Any) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": site}])

    return log_in


@pytest.fixture
def check_page(html_checker: harness.HtmlChecker, browser: Any, site: str) -> Iterator[Any]:
    """`check_page(page)`: axe-core, the HTML checker and browser errors on the page as it is now.

    Fails with the list of problems. The page must come from `open_page` (or `page`, `nojs_page`, `phone_page`).
    `axe_without_js=True`: on a page without JavaScript, axe-core runs too, on the served HTML (its scripts taken
    out) in a tab that has JavaScript, at the same width (see `harness.axe_on_served_html`).
    """
    mirrors: list[Any] = []

    def check(page: Any, name: str | None = None, *, axe_without_js: bool = False) -> None:
        problems = []
        log = harness.log_of(page)
        document = log.last_document
        assert document is not None, "Er is nog geen pagina geladen."
        html = document.text()
        # axe-core waits on timers, and those never fire with JavaScript off. Without JavaScript the page is
        # the served HTML, which the HTML checker below reads; axe-core runs on it in the tests with JavaScript,
        # or (axe_without_js) on the same HTML without its scripts in a tab that has JavaScript.
        violations = []
        if log.javascript:
            violations = harness.axe_violations(page)
        elif axe_without_js:
            if not mirrors:
                mirrors.append(browser.new_context(base_url=site, locale="nl-NL", reduced_motion="reduce"))
            violations = harness.axe_on_served_html(mirrors[0], document.url, html, page.viewport_size)
        if violations:
            problems.append("axe-core (WCAG 2.2 A/AA en best practices):\n" + harness.format_axe(violations))
        saved = harness.save_html(name or page.url, html)
        errors = html_checker.errors(html)
        if errors:
            problems.append(f"W3C HTML-checker (de HTML staat in {saved}):\n" + harness.format_html_errors(errors))
        if log.errors:
            problems.append("Fouten in de browser:\n" + "\n".join(f"- {e}" for e in log.errors))
            log.errors.clear()
        assert not problems, f"{page.url}\n" + "\n".join(problems)

    yield check
    for context in mirrors:
        context.close()
