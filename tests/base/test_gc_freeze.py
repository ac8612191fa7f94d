"""What a web server loads at start is kept out of the garbage collector's full rounds (wdhs/wsgi.py)."""

from __future__ import annotations

import os
import subprocess
import sys

from django.conf import settings


def test_the_loaded_application_is_frozen_for_the_garbage_collector():
    """A full collection walked the ~150,000 objects loaded at start (about 100 ms, once every twenty list pages
    at national size); frozen after loading, it walks only what requests create. A new process, as a server's."""
    code = "import gc, wdhs.wsgi; print(gc.get_freeze_count())"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "wdhs.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=True
    )
    assert int(result.stdout.strip().splitlines()[-1]) > 50_000
