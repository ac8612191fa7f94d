"""The word-form table and the documents' search vectors: filled on the write path, never by a search.

Every indexed table has a trigger (`wdhs.search.triggers`) that builds its `search_vector` with
`wdhs_search_vector()`: the Dutch stems of the text plus the extra forms (lemmas, compound parts)
that the lookup table `wdhs_searchword` holds for its words. A word the table does not know yet is
queued there (expansion NULL). `refresh_pending()` gives queued words their forms
(`wdhs.search.lexicon`) and re-indexes the documents that contain them.

It runs in the task worker after a write commits: `watch()` hooks the models whose saves can bring new
words, and `words_changed()` queues one `refresh_words` task per transaction. Bulk writes send no
signal: loaders (demo, imports) call `refresh_pending()` themselves at the end, and the hourly
`manage.py enqueue_periodic_jobs` queues `refresh_words` as a sweep for the rest;
`manage.py rebuild_search_index` starts from scratch.
A search only reads: until the refresh ran, a new document is found by its words, not yet by
their extra forms.
"""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.db.models import Model
from django.db.models.signals import post_save
from django.tasks import task

from wdhs.search.lexicon import expansions
from wdhs.search.registry import indexed_tables

REFRESH_BATCH = 2000


def pending_words_exist() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM wdhs_searchword WHERE expansion IS NULL)")
        return bool(cursor.fetchone()[0])


def refresh_pending(*, limit: int | None = None) -> int:
    """Give queued words their forms and re-index the documents that contain the words that gained forms.

    Safe to run at the same time in several processes: rows are locked and skipped when taken.
    Returns the number of words processed.
    """
    done = 0
    while limit is None or done < limit:
        batch = REFRESH_BATCH if limit is None else min(REFRESH_BATCH, limit - done)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM wdhs_searchword WHERE expansion IS NULL"
                " ORDER BY word LIMIT %s FOR UPDATE SKIP LOCKED",
                [batch],
            )
            words = [row[0] for row in cursor.fetchall()]
            if not words:
                break
            forms = _store(cursor, words)
            grown = [word for word, extra in forms.items() if extra]
            if grown:
                reindex_containing(grown)
        done += len(words)
    return done


def _store(cursor: Any, words: list[str]) -> dict[str, str]:
    forms = expansions(words)
    cursor.execute(
        "UPDATE wdhs_searchword s SET expansion = v.expansion "
        "FROM unnest(%s::text[], %s::text[]) AS v(word, expansion) WHERE s.word = v.word",
        [list(forms), list(forms.values())],
    )
    return forms


def reindex_containing(words: list[str]) -> None:
    """Re-index the documents of every registered source that contain one of `words` (GIN index lookup)."""
    for table in indexed_tables():
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {connection.ops.quote_name(table)} SET search_vector = NULL "  # noqa: S608 - registered names
                "WHERE search_vector @@ (SELECT string_agg('(' || q::text || ')', ' | ')::tsquery "
                "FROM (SELECT plainto_tsquery('wdhs_dutch', w) AS q FROM unnest(%s::text[]) AS w) AS x "
                "WHERE numnode(q) > 0)",
                [words],
            )


def reindex_all() -> dict[str, int]:
    """Recompute every search vector of every registered source; returns rows per table."""
    counts = {}
    for table in indexed_tables():
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {connection.ops.quote_name(table)} SET search_vector = NULL")  # noqa: S608
            counts[table] = cursor.rowcount
    return counts


def rebuild() -> dict[str, int]:
    """The whole index from scratch, in one transaction: forget all words (also those of deleted
    documents), re-index so the triggers queue the words in use, compute their forms, re-index again."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM wdhs_searchword")
        reindex_all()
        refresh_pending()
        counts = reindex_all()
        refresh_pending()
    return counts


@task
def refresh_words() -> int:
    """`refresh_pending()` as a task: after writes, and hourly as a sweep."""
    return refresh_pending()


def _queue_refresh() -> None:
    refresh_words.enqueue()


def words_changed() -> None:
    """Queue a refresh of the words this transaction queued once it commits: one refresh per transaction."""
    pending = getattr(transaction.get_connection(), "run_on_commit", [])
    # Django keeps the callbacks as (savepoint ids, function, robust); a bulk write saves many rows
    # in one transaction and needs one refresh, not one per row.
    if any(entry[1] is _queue_refresh for entry in pending):
        return
    # robust: the write has committed; a refresh that cannot be queued now is left to the hourly sweep.
    transaction.on_commit(_queue_refresh, robust=True)


def _on_save(sender: type[Model], **kwargs: Any) -> None:
    words_changed()


def watch(*models: type[Model]) -> None:
    """Refresh the word forms after every save of these models (a search source, or a model its trigger reads)."""
    for model in models:
        post_save.connect(_on_save, sender=model, dispatch_uid=f"wdhs.search.index:{model._meta.label}")
