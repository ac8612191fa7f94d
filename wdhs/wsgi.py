from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wdhs.settings")
application = get_wsgi_application()

# The Dutch word forms of search need a dictionary that takes a moment to load: load it before the first
# request (with a preloading server, once for all workers).
from wdhs.search.lexicon import warm_up  # noqa: E402 - the settings must be configured first

warm_up()
