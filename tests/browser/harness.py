"""The browser test harness: Chromium via Playwright, axe-core, the W3C Nu HTML checker and layout checks.

Everything here is plain functions so that every app's journeys can use the same checks:
`check_page(page)` runs axe-core and the HTML checker on what the browser shows now.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Without the background-networking flags Chromium keeps calling home, and this network is closed.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # One renderer process for every tab: the pages all come from one origin, so site isolation only costs
    # a new process per tab, and the browser tests are CPU-bound on a two-core machine.
    "--disable-features=site-per-process,IsolateOrigins",
    "--renderer-process-limit=1",
]
# WCAG 2.0-2.2 level A and AA, plus axe's best practices: they check what STYLE.md asks of every page
# (one h1, landmarks, unique landmark names, heading order) and catch real screen-reader problems.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 780}
# 200% and 400% zoom of a 1280 px wide window: the layout must reflow without sideways scrolling (WCAG 1.4.10).
ZOOM_WIDTHS = {"200%": 640, "400%": 320}


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def find_chromium() -> str | None:
    """Debian's Chromium (Playwright's own browser download does not work on these machines)."""
    configured = os.environ.get("WDHS_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def missing_tools() -> list[str]:
    """What the browser tests need and this machine lacks, in words for the loud skip message."""
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("het pip-pakket playwright (make install)")
    if not find_chromium():
        missing.append("Chromium (apt-get install chromium)")
    if not AXE_JS.exists() or not VNU_JAR.exists():
        missing.append("axe-core en vnu-jar (npm ci)")
    if not shutil.which("java"):
        missing.append("Java 17 of nieuwer voor de HTML-checker (apt-get install openjdk-17-jre-headless)")
    return missing


# --- what happened on a page -------------------------------------------------------------------------


@dataclass
class PageLog:
    """The last document the browser loaded, and the errors it reported (CSP violations show up here)."""

    javascript: bool = True
    last_document: Any = None
    errors: list[str] = field(default_factory=list)


_LOGS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def watch(page: Any, *, javascript: bool = True) -> PageLog:
    log = PageLog(javascript=javascript)
    _LOGS[page] = log

    def on_response(response: Any) -> None:
        if response.request.is_navigation_request() and response.frame == page.main_frame:
            log.last_document = response

    def on_console(message: Any) -> None:
        if message.type != "error":
            return
        document = log.last_document
        # The 404 and 400 pages are loaded on purpose: Chromium logs their status as a failed load.
        if (
            message.text.startswith("Failed to load resource")
            and document
            and message.location.get("url") == document.url
        ):
            return
        log.errors.append(f"console: {message.text} ({message.location.get('url')})")

    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: log.errors.append(f"javascript: {error}"))
    return log


def log_of(page: Any) -> PageLog:
    return _LOGS[page]


# --- axe-core ----------------------------------------------------------------------------------------


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core in the page. Evaluated through the DevTools protocol, so the page's CSP stays as it is."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
            .then(result => result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
            })))""",
        AXE_TAGS,
    )


_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)


def axe_on_served_html(context: Any, url: str, html: str, viewport: dict[str, int] | None) -> list[dict[str, Any]]:
    """axe-core on a page as a browser without JavaScript shows it: the served HTML, its scripts taken out, at the
    same URL (so its style sheets load) in a tab of `context`, which has JavaScript for axe-core itself."""
    page = context.new_page()
    try:
        if viewport:
            page.set_viewport_size(viewport)
        # Without JavaScript a browser shows what <noscript> holds: unwrapped, so axe-core sees it too.
        static = re.sub(r"</?noscript\s*>", "", _SCRIPT.sub("", html), flags=re.IGNORECASE)
        page.route(
            lambda address: address == url,
            lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=static),
        )
        page.goto(url)
        return axe_violations(page)
    finally:
        page.close()


def format_axe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {(node['summary'] or '').splitlines()[-1].strip()}")
    return "\n".join(lines)


# --- W3C Nu HTML checker -----------------------------------------------------------------------------


class HtmlChecker:
    """The Nu HTML checker (vnu.jar) as a local web service: one Java start for the whole test run."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/?out=json"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 90) -> None:
        self.process = subprocess.Popen(
            [
                shutil.which("java") or "java",
                "-Xss8m",  # the HTML schema needs a deep stack
                "-Dnu.validator.servlet.bind-address=127.0.0.1",
                "-cp",
                str(VNU_JAR),
                "nu.validator.servlet.Main",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("De HTML-checker (vnu.jar) stopte direct na het starten.")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=2):  # noqa: S310 - local
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.25)
        raise RuntimeError("De HTML-checker (vnu.jar) startte niet op tijd.")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def messages(self, html: str) -> list[dict[str, Any]]:
        request = urllib.request.Request(  # noqa: S310 - the checker on 127.0.0.1
            self.url, data=html.encode("utf-8"), headers={"Content-Type": "text/html; charset=utf-8"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return json.load(response)["messages"]

    def errors(self, html: str) -> list[dict[str, Any]]:
        return [m for m in self.messages(html) if m.get("type") in {"error", "non-document-error"}]


def save_html(name: str, html: str) -> Path:
    """Keep the HTML that was checked (by page name or URL), to read the line numbers in the checker's messages."""
    folder = ARTIFACTS / "html"
    folder.mkdir(parents=True, exist_ok=True)
    if "://" in name:
        name = urllib.parse.urlsplit(name).path
    path = folder / f"{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-') or 'home'}.html"
    path.write_text(html, encoding="utf-8")
    return path


def format_html_errors(errors: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"- regel {e.get('lastLine', '?')}: {e.get('message')} [{(e.get('extract') or '').strip()}]" for e in errors
    )


# --- layout ------------------------------------------------------------------------------------------

# Elements that stick out of the viewport, unless they are inside something that scrolls on purpose
# (a wide table in .wdhs-table-scroll) or are hidden on purpose (visually hidden text, the skip link).
_CUT_OFF_JS = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue;
    if (el.closest('.wdhs-visually-hidden, .utrecht-skip-link, .wdhs-honeypot')) continue;
    let scroller = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll') { scroller = true; break; }
    }
    if (scroller) continue;
    if (rect.right > width + 1 || rect.left < -1) {
      out.push(describe(el) + ' ' + Math.round(rect.left) + '..' + Math.round(rect.right) + ' px');
    } else if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1
               && !el.matches('input, textarea, select')) {
      // A text field scrolls its own text by design (the caret shows the rest); anything else loses content.
      out.push(describe(el) + ' cuts off its content');
    }
  }
  return out;
}"""


def sideways_scroll(page: Any) -> str | None:
    """What scrolls sideways at the current viewport (None: nothing): the page, or the main menu on its own."""
    scroll_width, client_width, menu = page.evaluate(
        """() => {
          const menu = document.querySelector('.wdhs-nav__list');
          return [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth,
                  menu && menu.getClientRects().length ? [menu.scrollWidth, menu.clientWidth] : null];
        }"""
    )
    if scroll_width > client_width:
        return f"de pagina scrolt zijwaarts: {scroll_width} px inhoud in {client_width} px"
    if menu and menu[0] > menu[1]:
        return f"het hoofdmenu scrolt zijwaarts: {menu[0]} px inhoud in {menu[1]} px"
    return None


def reflow_problems(page: Any) -> list[str]:
    """Sideways scrolling or content that sticks out of (or is cut off at) the current viewport."""
    problems = []
    scroll_width, client_width = page.evaluate(
        "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
    )
    if scroll_width > client_width:
        problems.append(f"de pagina scrolt zijwaarts: {scroll_width} px inhoud in {client_width} px")
    problems.extend(page.evaluate(_CUT_OFF_JS)[:10])
    return problems


# WCAG 1.4.12: people set these in their own style sheet; nothing may get lost then. A constructed style
# sheet, because the page's CSP (rightly) refuses an injected <style> element.
_TEXT_SPACING_JS = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
                         word-spacing: 0.16em !important; }
                     p { margin-block-end: 2em !important; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return getComputedStyle(document.body).letterSpacing;
}"""


def apply_text_spacing(page: Any) -> None:
    letter_spacing = page.evaluate(_TEXT_SPACING_JS)
    assert letter_spacing not in {"normal", "0px"}, "De tekstafstand-stijl werd niet toegepast."


def screenshots_wanted() -> bool:
    """Screenshots are for people to look at, not a check: saved only with WDHS_SCREENSHOTS=1 (make screenshots)."""
    return os.environ.get("WDHS_SCREENSHOTS") == "1"


def screenshot(page: Any, name: str) -> Path | None:
    if not screenshots_wanted():
        return None
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^a-z0-9_-]+', '-', name.lower())}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --- keyboard ----------------------------------------------------------------------------------------


def focused(page: Any) -> dict[str, Any]:
    """What has keyboard focus now, and whether you can see it (outline or box-shadow)."""
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          if (!el || el === document.body) return {tag: 'body', visible: false, text: ''};
          const s = getComputedStyle(el);
          // The portal's own focus style: an outline of 2 px or more (the browser default is 'auto 1px').
          const outline = s.outlineStyle !== 'none' && s.outlineStyle !== 'auto' && parseFloat(s.outlineWidth) >= 2;
          const shadow = !!s.boxShadow && s.boxShadow !== 'none';
          const r = el.getBoundingClientRect();
          return {
            tag: el.tagName.toLowerCase(), id: el.id, href: el.getAttribute('href'),
            text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
            visible: outline || shadow, outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor,
            onscreen: r.width > 0 && r.height > 0,
          };
        }"""
    )


def tab_to(page: Any, selector: str, max_tabs: int = 80) -> None:
    """Press Tab until the element matching `selector` has focus, as a keyboard user would."""
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Met Tab kom je niet bij {selector} (na {max_tabs} keer Tab).")
