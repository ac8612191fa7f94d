"""One look for the four lists: /kennis/, /initiatieven/, /financiering/ and /zoeken/ (issue 13).

They share one structure (templates/list_base.html) and one set of CSS. This test checks the same landmarks and
classes in the same order on all four, and that they lay out the same on a 360 px phone and a 1280 px screen, so the
lists cannot drift apart again.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import harness

pytestmark = pytest.mark.browser

PHONE_640 = {"width": 360, "height": 640}
# Each list with one filter chosen, so every part shows (a chip, results).
LISTS = {
    "kennis": "/kennis/?thema=wonen",
    "initiatieven": "/initiatieven/?thema=wonen",
    "financiering": "/financiering/?thema=wonen",
    "zoeken": "/zoeken/?q=samen&soort=kennis",
}
# The shared structure, in document order. Every list has each of these, once or more, in this order.
STRUCTURE = [
    "main h1.utrecht-heading-1",
    "main p.wdhs-lead",
    "main form.wdhs-list__search[role='search'] input[type='search'][name='q']",
    "main form.wdhs-list__search button[type='submit']",
    "main div.wdhs-list",
    "main .wdhs-list > details.wdhs-filters > summary",
    "main details.wdhs-filters > form.wdhs-list__filters[method='get']",
    "main form.wdhs-list__filters > h2#filters-titel",
    "main form.wdhs-list__filters input[type='checkbox']",
    "main form.wdhs-list__filters button[type='submit']",
    "main .wdhs-list > section.wdhs-list__results[aria-labelledby='resultaten-titel']",
    "main section.wdhs-list__results > h2.wdhs-list__count#resultaten-titel",
    "main section.wdhs-list__results > .wdhs-chips a.wdhs-chip",
    "main section.wdhs-list__results ul.wdhs-list__items > li .utrecht-heading-3 a",
]
# Computed styles that make the look: the same on every list.
LOOK = """() => {
  const style = (selector, props) => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const computed = getComputedStyle(element);
    return props.map((prop) => computed.getPropertyValue(prop)).join(" | ");
  };
  return {
    count: style("#resultaten-titel", ["font-size", "font-weight", "margin-top"]),
    chip: style(".wdhs-chip", ["border-top-width", "border-radius", "min-height"]),
    items: style(".wdhs-list__items", ["display", "row-gap", "list-style-type"]),
    card: style(".wdhs-list__items > li .wdhs-card, .wdhs-list__items > li.wdhs-card",
                ["border-top-width", "border-radius", "padding-top", "background-color"]),
    title: style(".wdhs-list__items > li .utrecht-heading-3", ["font-size", "font-weight"]),
    summary: style(".wdhs-filters > summary", ["display", "border-top-width", "min-height"]),
    search: style(".wdhs-list__search-row", ["display", "column-gap"]),
  };
}"""


def _content() -> None:
    """A few results of every kind, each with the theme "wonen"."""
    from tests.factories import FundingSchemeFactory, InitiativeFactory, ResourceFactory, term

    wonen = term("theme", "wonen")
    for n in range(3):
        ResourceFactory(title=f"Samen wonen, stap {n}", themes=[wonen])
        InitiativeFactory(name=f"Woongroep {n}", themes=[wonen])
        scheme = FundingSchemeFactory(name=f"Woonfonds {n}")
        scheme.themes.set([wonen])


def _order(page: Any) -> list[int | None]:
    """For each part of STRUCTURE, the position of its first element in document order (None: missing)."""
    return page.evaluate(
        """(selectors) => {
          const all = Array.from(document.querySelectorAll("*"));
          return selectors.map((selector) => {
            const found = document.querySelector(selector);
            return found ? all.indexOf(found) : null;
          });
        }""",
        STRUCTURE,
    )


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} staat niet op de pagina"
    return box


def test_the_four_lists_share_one_structure_and_one_look(open_page: Any, check_page: Any) -> None:
    _content()
    looks: dict[str, dict[str, dict[str, str | None]]] = {}
    for width, viewport in (("1280", harness.DESKTOP), ("360", PHONE_640)):
        page = open_page(viewport=viewport)
        for name, path in LISTS.items():
            page.goto(path)
            order = _order(page)
            missing = [selector for selector, at in zip(STRUCTURE, order, strict=True) if at is None]
            assert missing == [], f"{path} mist {missing}"
            found = [at for at in order if at is not None]
            assert found == sorted(found), f"{path}: de delen staan in een andere volgorde: {order}"
            looks.setdefault(width, {})[name] = page.evaluate(LOOK)
            assert harness.reflow_problems(page) == [], path

            filters, results = _box(page, ".wdhs-list__filters"), _box(page, ".wdhs-list__results")
            if width == "1280":
                # The filters in a side column of the same width on every list, the results beside them.
                assert not page.locator(".wdhs-filters > summary").is_visible(), path
                looks[width][name]["column"] = f"{filters['width']:.0f} {results['x'] - filters['x']:.0f}"
                assert filters["x"] < results["x"] and abs(filters["y"] - results["y"]) < 2, path
            else:
                # On a phone the filters fold behind "Filters"; the results follow it.
                summary = page.locator(".wdhs-filters > summary")
                assert summary.is_visible() and summary.inner_text().startswith("Filters"), path
                assert not page.locator(".wdhs-list__filters").is_visible(), path
                assert _box(page, ".wdhs-filters > summary")["y"] < results["y"], path
                check_page(page)
            harness.screenshot(page, f"lijst-{name}-{width}")
        for part in looks[width]["kennis"]:
            values = {name: look[part] for name, look in looks[width].items()}
            assert None not in values.values() and len(set(values.values())) == 1, f"{part} bij {width} px: {values}"


def test_search_adds_a_second_kind_in_the_form_without_javascript(open_page: Any, check_page: Any) -> None:
    """/zoeken/: the kind is a facet of checkboxes like the others, not only a chip or a hand-made URL."""
    _content()
    page = open_page(javascript=False, viewport=PHONE_640)
    page.goto("/zoeken/?q=samen&soort=kennis")
    assert page.locator(".wdhs-chip").count() == 1
    harness.tab_to(page, ".wdhs-filters > summary")
    page.keyboard.press("Enter")
    assert page.locator(".wdhs-list__filters input[name='soort'][value='kennis']").is_checked()
    harness.tab_to(page, ".wdhs-list__filters input[name='soort'][value='financiering']")
    page.keyboard.press("Space")
    harness.tab_to(page, ".wdhs-list__filters button[type='submit']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "soort=kennis" in page.url and "soort=financiering" in page.url and "q=samen" in page.url
    assert page.locator(".wdhs-chip").count() == 2
    assert page.locator("section.zk-group > h3").all_inner_texts() == ["Kennis (3)", "Financiering (3)"]
    check_page(page, axe_without_js=True)
