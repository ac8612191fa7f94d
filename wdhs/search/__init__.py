"""Dutch search over all content, in layers that import only downwards.

lexicon (word forms, no database) <- query (parse, expand, highlight) <- registry (sources) <-
index (word-form table, re-indexing) <- views (/zoeken/). `triggers` holds the SQL that the
migrations install. See docs/search.md.
"""
