"""Every page type of the portal that the browser tests scan (axe-core, HTML checker, reflow, screenshots).

Adding a page is adding one line. `path` is a URL path, or a function that makes the data the page
needs (with factories; it runs inside the test database) and returns the path. `then` runs in the
browser after the page loaded, for a state that only exists after an action (a form with errors).
When your app lands, add its list pages, detail pages and forms here, both public and logged-in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Page:
    name: str  # test id and screenshot file name
    path: str | Callable[[], str]
    status: int = 200
    then: Callable[[Any], None] | None = None  # gets the Playwright page
    screenshots: bool = True  # a key page: save it at 360 and 1280 px

    def resolve(self) -> str:
        return self.path() if callable(self.path) else self.path


def submit_empty(page: Any) -> None:
    """Send the form on the page as it is, by keyboard: the state where the error summary shows."""
    page.locator("main form.wdhs-form input:visible").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def submit_wrong_email(page: Any) -> None:
    page.locator("#id_email").fill("geen-adres")
    page.locator("#id_password1").fill("kort")
    with page.expect_navigation():
        page.locator("#id_password1").press("Enter")


def submit_without_csrf_cookie(page: Any) -> None:
    """A form sent after the CSRF cookie is gone (cookies blocked, or the session expired): the 403 page."""
    page.context.clear_cookies()
    page.locator("#id_login").fill("iemand@example.org")
    page.locator("#id_password").fill("een-wachtwoord-123")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")


def password_reset_link() -> str:
    """The link from the password-reset mail, for a person who exists."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    from tests.factories import UserFactory

    person = UserFactory()
    return f"/accounts/password/reset/key/{user_pk_to_url_str(person)}-{default_token_generator.make_token(person)}/"


PUBLIC_PAGES: list[Page] = [
    Page("home", "/"),
    Page("over", "/over/"),
    Page("privacy", "/privacy/"),
    Page("toegankelijkheid", "/toegankelijkheid/"),
    Page("open-data", "/open-data/"),
    Page("contact", "/contact/"),
    Page("inloggen", "/accounts/login/"),
    Page("inloggen-fouten", "/accounts/login/", status=400, then=submit_empty),
    Page("aanmelden", "/accounts/signup/"),
    Page("aanmelden-fouten", "/accounts/signup/", status=400, then=submit_wrong_email),
    Page("wachtwoord-vergeten", "/accounts/password/reset/"),
    Page("wachtwoord-vergeten-verstuurd", "/accounts/password/reset/done/"),
    Page("wachtwoord-nieuw", password_reset_link),
    Page("bevestig-je-e-mailadres", "/accounts/confirm-email/"),
    Page("formulier-verlopen", "/accounts/login/", status=403, then=submit_without_csrf_cookie),
    Page("niet-gevonden", "/deze-pagina-bestaat-niet/", status=404),
]

# Opened by a logged-in person with a confirmed e-mail address (tests.factories.UserFactory).
LOGGED_IN_PAGES: list[Page] = [
    Page("mijn", "/mijn/"),
    Page("account-verwijderen", "/mijn/account-verwijderen/"),
    Page("account-verwijderen-fouten", "/mijn/account-verwijderen/", status=400, then=submit_empty),
    Page("e-mailadressen", "/accounts/email/"),
    Page("wachtwoord-wijzigen", "/accounts/password/change/"),
    Page("wachtwoord-wijzigen-fouten", "/accounts/password/change/", status=400, then=submit_empty),
    Page("uitloggen", "/accounts/logout/"),
]
