"""The reference data every test needs (places, taxonomy, synonyms, the five goals), loaded like after `migrate`.

After `migrate` and after each flush of a live-server test, the post_migrate handlers load it
(wdhs.reference, goals.reference); the session set-up calls the same loaders in case a reused test
database was left without it.
"""

from __future__ import annotations

from goals.reference import load_goals
from wdhs.reference import load_reference_data as load_base_reference_data


def load_reference_data() -> None:
    load_base_reference_data()
    load_goals()
