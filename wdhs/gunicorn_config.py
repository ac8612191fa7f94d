"""Gunicorn's settings for the portal: `gunicorn -c python:wdhs.gunicorn_config wdhs.wsgi` (see docs/deploy.md).

Read from the environment, like wdhs/settings.py: WDHS_BIND (default 127.0.0.1:8000; 0.0.0.0:8000 in the
container), WEB_CONCURRENCY (worker processes, default 2: one per core of a small server), WEB_THREADS
(threads per worker, default 1) and WDHS_ACCESS_LOG (on by default, to stdout). Options given on the
command line win over these.
"""

from __future__ import annotations

import os
from typing import Any

bind = [os.environ.get("WDHS_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# One request per worker by default (sync): a stuck request is killed after `timeout`, each worker holds at
# most one database connection, and the reverse proxy in front buffers slow clients. More threads help when
# requests mostly wait on a database on another machine (docs/deploy.md has the measurements).
threads = int(os.environ.get("WEB_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"

# Import Django once in the master, then fork: wdhs/wsgi.py loads the search dictionary at import, so every
# worker starts warm and shares those memory pages with the others (so no warm-up hook here).
preload_app = True

# A sync worker silent for this long is stuck: it is killed and replaced. On SIGTERM (docker stop, a deploy)
# a worker first finishes the request it has, for at most graceful_timeout.
timeout = 30
graceful_timeout = 30
# The heartbeat file of each worker: in memory where possible (a container's /tmp may be on a slow disk).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - a fixed system folder
# No control socket in the home folder: several servers on one machine would share its one path.
control_socket_disable = True

# Logs to stdout and stderr, where Docker and systemd collect them. The access log names the client the
# reverse proxy saw (X-Forwarded-For) and the time taken in milliseconds.
accesslog = "-" if os.environ.get("WDHS_ACCESS_LOG", "1").lower() not in ("0", "false", "no", "off") else None
errorlog = "-"
access_log_format = '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'


def pre_fork(server: Any, worker: Any) -> None:
    """Close any database connection the master opened while loading the app, before a worker inherits it."""
    # Nothing at import should connect; but one socket shared by two processes would mix their queries.
    from django.db import connections

    connections.close_all()
