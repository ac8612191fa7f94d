"""Rows that migrations and the places loader create, put back after a flush (all loaders are idempotent).

A live-server test flushes the test database and --reuse-db keeps that flushed database for the
next run, so both the session set-up and the browser tests call `load_reference_data()`.
"""

from __future__ import annotations

from importlib import import_module

from django.apps import apps

from wdhs.models import Municipality, Term
from wdhs.places import load_places
from wdhs.taxonomy import load_terms

DATA_MIGRATIONS = [
    ("wdhs.migrations.0005_starting_synonyms", "load"),
    ("goals.migrations.0002_five_goals", "load"),
]


def load_reference_data() -> None:
    if not Municipality.objects.exists():
        load_places()
    load_terms(Term)
    for module, function in DATA_MIGRATIONS:
        getattr(import_module(module), function)(apps, None)
