"""Hostile input for the property tests of tests/trust/: strategies, the parameters to try, and the checks.

The parameters are discovered, not listed: every FilterSet's filters and every form's fields in the
portal's own code, and every name a view reads from the query string (`request.GET.get("...")`).
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import django_filters
from django import forms
from django.apps import apps
from django.conf import settings as django_settings
from django.db import connection, transaction
from django.urls import resolve
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

# Stable in CI (the same examples every run), bounded in time, no example database in the checkout.
# The client and the content are pytest fixtures shared by the examples: every example runs in a
# savepoint that is rolled back (`rolled_back`), so each one starts from the same rows.
TRUST = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

PROJECT_APPS = ("wdhs", "knowledge", "initiatives", "goals")
HUGE = 100_000

HOSTILE = [
    "",
    " ",
    "' OR 1=1--",
    '" OR ""="',
    "1; DROP TABLE knowledge_resource;--",
    "<script>alert(1)</script>",
    "<b>vet</b>",
    "%00",
    "%",
    "%%",
    "%ZZ",
    "../",
    "../../etc/passwd",
    "\\",
    "\x00",
    "a\x00b",
    "\x0b",
    "\x1f",
    "\r\n",
    "\u0301",  # a lone combining accent
    "e\u0301",
    "\ufeff",
    "\u202e",
    "\ufffe",
    "🌱",
    "&",
    "=",
    "&&==",
    "?",
    "#",
    "*",
    ":*",
    "!",
    "|",
    "(",
    "'",
    '"',
    "-1",
    "0",
    "1",
    "2",
    "-99999999999999999999",
    "99999999999999999999",
    "9" * 400,
    "1e309",
    "NaN",
    "inf",
    "0x10",
    "1.5",
    "true",
    "null",
    "[]",
    "{}",
    "x" * HUGE,
    "zorg " * (HUGE // 5),
]


# Real values of the filters and questions, so an example also combines a valid choice with a hostile one.
REAL = ["utrecht", "Utrecht", "zorg-en-welzijn", "starten", "heel-nederland", "relevantie", "nieuw", "spullen", "2500"]


def text_values() -> st.SearchStrategy[str]:
    """Any text: the hostile list (most often), any unicode (str holds no surrogates), numbers, huge strings."""
    hostile = st.sampled_from(HOSTILE)
    control = st.text(alphabet=st.characters(max_codepoint=0x20), min_size=1, max_size=4)
    return st.one_of(
        hostile,
        st.sampled_from(["\x00", "a\x00b", "\x00\x00\x00", "%00"]),
        control,
        st.sampled_from(REAL),
        hostile,
        st.text(max_size=40),
        hostile,
        st.text(alphabet=st.characters(max_codepoint=0x2FF), max_size=12),
        st.integers().map(str),
        st.floats().map(str),
        st.text(min_size=1, max_size=3).map(lambda s: s * (HUGE // len(s))),
    )


def _subclasses(cls: type) -> Iterator[type]:
    sub: type
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _ours(cls: type) -> bool:
    return cls.__module__.split(".")[0] in PROJECT_APPS


def filtersets() -> list[type[django_filters.FilterSet]]:
    return sorted({f for f in _subclasses(django_filters.FilterSet) if _ours(f)}, key=lambda f: f.__qualname__)


def form_classes() -> list[type[forms.BaseForm]]:
    found = {f for f in _subclasses(forms.BaseForm) if _ours(f) and not f.__module__.endswith(".admin")}
    return sorted(found, key=lambda f: f"{f.__module__}.{f.__qualname__}")


_READ = re.compile(
    r"""(?:request\.GET|params)\.(?:get|getlist)\(\s*["']([^"']+)["']"""
    r"""|request\.GET\[\s*["']([^"']+)["']\s*\]"""
    r"""|["']([^"']+)["']\s+in\s+request\.GET"""
)


def parameters_read_by_views() -> set[str]:
    """Every query parameter the portal's own code reads by name."""
    names: set[str] = set()
    for app in PROJECT_APPS:
        for path in Path(django_settings.BASE_DIR, app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for match in _READ.finditer(path.read_text()):
                names.update(name for name in match.groups() if name)
    return names


def query_parameters() -> list[str]:
    """The filters of every FilterSet, the fields of every form, and what the views read by name."""
    import_module(django_settings.ROOT_URLCONF)  # imports every view, and so every FilterSet and form
    names = parameters_read_by_views()
    for filterset in filtersets():
        names.update(filterset.base_filters)
    for form in form_classes():
        names.update(getattr(form, "base_fields", {}))  # a mixin on BaseForm has none
    names.discard("csrfmiddlewaretoken")
    return sorted(names)


def parameters_of_page(path: str) -> list[str]:
    """The parameters the view of `path` reads: by name in its module, and the fields of the FilterSets and
    forms that module uses. Found from the code, like query_parameters, but for one page."""
    view = resolve(path).func
    module = inspect.getmodule(view if inspect.isfunction(view) else type(view))
    assert module is not None
    names = {name for match in _READ.finditer(inspect.getsource(module)) for name in match.groups() if name}
    for value in vars(module).values():
        if isinstance(value, type) and issubclass(value, django_filters.FilterSet):
            names.update(value.base_filters)  # type: ignore[attr-defined]
        elif isinstance(value, type) and issubclass(value, forms.BaseForm):
            names.update(getattr(value, "base_fields", {}))
    return sorted(names)


def query_strings(names: list[str], own: list[str]) -> st.SearchStrategy[str]:
    """A query string: each of the page's own parameters or not, once or repeated, with any value; a few other
    known or unknown names; or the raw bytes of a hand-made link."""
    value = text_values()
    mine = st.fixed_dictionaries(
        {}, optional={name: st.one_of(value, st.lists(value, min_size=2, max_size=3)) for name in own}
    )
    name = st.one_of(st.sampled_from(names), st.sampled_from(HOSTILE[:30]), st.text(max_size=8))
    others = st.lists(st.tuples(name, value), max_size=3)
    pairs = st.tuples(mine, others).map(lambda p: urlencode([*p[0].items(), *p[1]], doseq=True))
    raw = st.text(alphabet=st.sampled_from("=&%0aZ;+?#/.-_ \x00\xff"), max_size=40)
    return st.one_of(pairs, pairs, raw)


# A few values of each kind that break careless code, for the sweeps that try each one on every parameter.
CLASSIC = ["\x00", "a\x0bb", "x" * HUGE, "-1", "0", "99999999999999999999", "' OR 1=1--", "<script>", "%00", "../"]


def row_counts() -> tuple[int, ...]:
    """The number of rows of every table of every model (sessions aside): one query."""
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models()
            if model._meta.managed and not model._meta.proxy and model._meta.db_table != "django_session"
        }
    )
    with connection.cursor() as cursor:
        # Only the models' own table names go into the text.
        counts = ", ".join(f"(SELECT count(*) FROM {connection.ops.quote_name(t)})" for t in tables)  # noqa: S608
        cursor.execute(f"SELECT ARRAY[{counts}]")
        return tuple(cursor.fetchone()[0])


@contextmanager
def rolled_back() -> Iterator[None]:
    """Run one example in a savepoint that is rolled back afterwards (the test itself is one transaction)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


_DUTCH = re.compile(r"\b(je|jouw|niet|deze|het|een|de|kennen|we|probeer|pagina|bestaat)\b", re.IGNORECASE)


def body(response: Any) -> bytes:
    """The whole content; a streamed one (the exports) is read to the end, so an error halfway shows too."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def assert_fair_answer(response: Any, before: tuple[int, ...] | None = None) -> None:
    """Never a 5xx; a 4xx is a Dutch page that says what is wrong, and saved nothing (when `before` is given)."""
    status = response.status_code
    if currently_in_test_context():
        event(f"status {status}")  # pytest --hypothesis-show-statistics: how many examples got how far
    content = body(response)
    where = response.wsgi_request.get_full_path()[:300]
    assert status < 500, f"{status} for {where!r}"
    if status >= 400:
        if where.startswith("/api/") and response.get("Content-Type", "").startswith("application/json"):
            # The API answers in JSON, as its OpenAPI document says: {"fout": "<a Dutch sentence>"}.
            assert _DUTCH.search(json.loads(content)["fout"]), f"{status} without a Dutch message for {where!r}"
        else:
            text = content.decode(errors="replace")
            assert 'lang="nl"' in text, f"{status} without the portal's Dutch page for {where!r}"
            assert _DUTCH.search(text), f"{status} without a Dutch message for {where!r}"
        if before is not None:
            assert row_counts() == before, f"{status}, yet rows were written for {where!r}"
