"""The container's HEALTHCHECK (`python -m wdhs.healthcheck`) against a real HTTP server."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest
from django.test import override_settings

from wdhs import healthcheck


@pytest.fixture
def server_env(live_server, monkeypatch):
    # As in the container: the bind address of the web server and the host names Django accepts.
    monkeypatch.setenv("WDHS_BIND", f"0.0.0.0:{urlsplit(live_server.url).port}")
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "*,.localhost")  # "*" is skipped, the dot is dropped


def test_healthcheck_passes_when_the_web_server_is_healthy(server_env, capsys):
    assert healthcheck.main() == 0
    assert capsys.readouterr().err == ""


def test_healthcheck_fails_when_the_cache_is_down(server_env, capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    down = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed}/0",
        }
    }
    with override_settings(CACHES=down):
        assert healthcheck.main() == 1
    assert "HTTP 503" in capsys.readouterr().err


def test_healthcheck_fails_when_nothing_listens(monkeypatch, capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    monkeypatch.setenv("WDHS_BIND", f"127.0.0.1:{closed}")
    assert healthcheck.main() == 1
    assert "/healthz:" in capsys.readouterr().err
