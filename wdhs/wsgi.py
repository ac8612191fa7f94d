from __future__ import annotations

import gc
import os

from django.core.wsgi import get_wsgi_application

from wdhs.framestack import with_room

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wdhs.settings")
# Each request under a frame that reserves room on Python's frame stack: without it, rendering some pages mapped
# and unmapped a 16 KB chunk of that stack thousands of times per request (wdhs/framestack.py).
application = with_room(get_wsgi_application())

# The Dutch word forms of search need a dictionary that takes a moment to load: load it before the first
# request (with a preloading server, once for all workers).
from wdhs.search.lexicon import warm_up  # noqa: E402 - the settings must be configured first

warm_up()

# What is loaded now (Django, the apps, the dictionary: some 150,000 objects) lives as long as the process. Frozen,
# the garbage collector no longer walks it on every full collection (100 ms each, about one per twenty list pages
# at national size: 5 ms a request), and the workers of a preloading server keep sharing those memory pages with
# the master instead of copying the ones the collector would touch.
gc.collect()
gc.freeze()
