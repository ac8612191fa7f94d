"""compose.yaml as docker compose would read it: one image for the portal's services, the start order, the
settings each service gets, the volumes. No Docker needed (none runs here); the interpolation is the one of
deploy/check_outside_docker.py, which replays the services outside Docker (docs/deploy.md).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from django.core.management import get_commands
from django.test import RequestFactory, override_settings

from wdhs.ratelimit import client_ip

ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = ("migrate", "web", "worker", "scheduler")
DOTENV = {
    "DJANGO_SECRET_KEY": "a-long-secret-key-for-the-compose-test-" + "x" * 40,
    "POSTGRES_PASSWORD": "pw123",
    "WDHS_DOMAIN": "kennisplatform.example.nl",
    "DJANGO_ALLOWED_HOSTS": "kennisplatform.example.nl",
    "WDHS_SITE_URL": "https://kennisplatform.example.nl",
    "EMAIL_HOST": "smtp.example.nl",
}


def _helper() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_outside_docker", ROOT / "deploy" / "check_outside_docker.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
    return data


def _environment(service: dict[str, Any], dotenv: dict[str, str] = DOTENV) -> dict[str, str]:
    interpolate = _helper().interpolate
    return {key: interpolate(str(value), dotenv) for key, value in service["environment"].items()}


def test_portal_services_run_one_image(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert {(services[name]["build"], services[name]["image"]) for name in APP_SERVICES} == {
        (".", "wdhs-kennisplatform:latest")
    }
    assert "command" not in services["web"]  # the image's CMD: gunicorn


def test_services_start_in_order(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert services["migrate"]["depends_on"] == {"db": {"condition": "service_healthy"}}
    for name in ("web", "worker", "scheduler"):
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
    assert services["proxy"]["depends_on"] == {"web": {"condition": "service_healthy"}}
    assert "healthcheck" in services["db"] and "healthcheck" in services["redis"]
    # web keeps the image's HEALTHCHECK; the others have no web server to ask.
    assert "healthcheck" not in services["web"]
    for name in ("migrate", "worker", "scheduler"):
        assert services[name]["healthcheck"] == {"disable": True}
    assert services["migrate"]["restart"] == "no"


def test_service_commands_exist(compose: dict[str, Any]) -> None:
    services = compose["services"]
    commands = get_commands()
    migrate = services["migrate"]["command"][-1].split(" && ")
    for step in [*migrate, " ".join(services["worker"]["command"])]:
        assert step.startswith("python manage.py ")
        assert step.split()[2] in commands
    assert services["scheduler"]["command"] == ["sh", "deploy/scheduler.sh"]
    assert (ROOT / "deploy" / "scheduler.sh").is_file()
    assert "deploy" not in (ROOT / ".dockerignore").read_text().split()


def test_required_variables_stop_compose_with_a_message(compose: dict[str, Any]) -> None:
    interpolate = _helper().interpolate
    web = compose["services"]["web"]["environment"]
    for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "WDHS_SITE_URL", "EMAIL_HOST"):
        with pytest.raises(SystemExit, match=name):
            interpolate(web[name], {key: value for key, value in DOTENV.items() if key != name})


@pytest.mark.parametrize("name", APP_SERVICES)
def test_each_service_gets_settings_that_pass_check_deploy(compose: dict[str, Any], name: str) -> None:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "WDHS_"))}
    environment.pop("DATABASE_URL", None)
    environment.pop("REDIS_URL", None)
    environment.update(DOTENV)  # env_file: .env
    environment.update(_environment(compose["services"][name]))
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert environment["DJANGO_ENV"] == "production"
    assert environment["DATABASE_URL"].startswith("postgres://wdhs:pw123@db:5432/wdhs")
    assert environment["REDIS_URL"] == "redis://redis:6379/0"


def test_only_web_stops_long_queries(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert _environment(services["web"])["DATABASE_URL"].endswith("?options=-c%20statement_timeout%3D25s")
    for name in ("migrate", "worker", "scheduler"):
        assert "statement_timeout" not in _environment(services[name])["DATABASE_URL"]


def test_rate_limits_count_per_visitor_behind_caddy(compose: dict[str, Any]) -> None:
    proxies = _environment(compose["services"]["web"])["WDHS_TRUSTED_PROXIES"].split(",")
    # web publishes no port, so only containers in the compose network can be the peer.
    assert "ports" not in compose["services"]["web"]
    factory = RequestFactory()
    with override_settings(TRUSTED_PROXIES=proxies):
        for caddy in ("172.18.0.5", "172.29.3.4", "192.168.16.3", "10.0.9.2"):
            request = factory.get("/", REMOTE_ADDR=caddy, HTTP_X_FORWARDED_FOR="198.51.100.7")
            assert client_ip(request) == "198.51.100.7"
        # From outside the private ranges the header is the visitor's own text.
        spoofed = factory.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.7")
        assert client_ip(spoofed) == "203.0.113.9"


def test_volumes_keep_uploads_database_and_backups(compose: dict[str, Any]) -> None:
    services = compose["services"]
    for name in APP_SERVICES:
        assert "media:/app/media" in services[name]["volumes"]
        assert _environment(services[name])["WDHS_MEDIA_ROOT"] == "/app/media"
    assert services["db"]["volumes"] == ["pgdata:/var/lib/postgresql/data", "./backups:/backups"]
    assert "media:/srv/media:ro" in services["proxy"]["volumes"]
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in services["proxy"]["volumes"]
    assert set(compose["volumes"]) == {"pgdata", "media", "caddy-data", "caddy-config"}
