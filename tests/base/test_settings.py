from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from wdhs.settings import env_bool

ROOT = Path(__file__).resolve().parents[2]


def _environment(unset: tuple[str, ...] = (), **env: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in unset}
    environment.update(env)
    return environment


def _manage(*args: str, unset: tuple[str, ...] = (), **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=_environment(unset, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY="a-long-random-production-key-" + "x9Y!k2#Lq" * 5,
        DJANGO_ALLOWED_HOSTS="kennisplatform.example.nl",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = _manage("check", DJANGO_ENV="production")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is verplicht" in result.stderr


def test_unknown_environment_is_refused():
    result = _manage("check", DJANGO_ENV="staging")
    assert result.returncode != 0
    assert "DJANGO_ENV moet" in result.stderr


def test_production_defaults_are_strict():
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0,"
        " s.MAILERS['default']['BACKEND'].endswith('smtp.EmailBackend'), s.LANGUAGE_CODE, s.TIME_ZONE)"
    )
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY="k" * 60,
        DJANGO_ALLOWED_HOSTS="x.nl",
    )
    assert result.stdout.split() == ["False", "True", "True", "True", "True", "nl", "Europe/Amsterdam"]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DJANGO_ALLOWED_HOSTS": ".wedoenhetsamen.nu,www.example.nl"}, "https://wedoenhetsamen.nu"),
        (
            {"DJANGO_ALLOWED_HOSTS": "x.nl", "WDHS_SITE_URL": "https://portaal.example.nl/"},
            "https://portaal.example.nl",
        ),
    ],
    ids=["from-allowed-hosts", "given"],
)
def test_production_links_in_mails_go_to_the_portals_own_address(env, expected):
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.SITE_URL)",
        unset=("WDHS_SITE_URL",),
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY="k" * 60,
        **env,
    )
    assert result.stdout.strip() == expected, result.stderr


def test_database_url_must_be_postgres():
    result = _manage("check", DJANGO_ENV="test", DATABASE_URL="sqlite:///tmp/x.db")
    assert result.returncode != 0
    assert "PostgreSQL" in result.stderr


def test_settings_without_database_url_say_how_to_get_one() -> None:
    result = _manage("check", unset=("DATABASE_URL",), DJANGO_ENV="test")
    assert result.returncode != 0
    assert "DATABASE_URL ontbreekt" in result.stderr
    assert "'make run' of 'make test'" in result.stderr
    assert "zet DATABASE_URL zelf" in result.stderr


def test_pytest_without_database_url_says_how_to_run_the_tests() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "tests/base/test_settings.py"],
        cwd=ROOT,
        env=_environment(("DATABASE_URL",), DJANGO_ENV="test"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DATABASE_URL ontbreekt" in result.stdout + result.stderr
    assert "'make run' of 'make test'" in result.stdout + result.stderr


# Imports the settings in a fresh interpreter while an audit hook records every folder made and every
# process started (-B: writing bytecode would make __pycache__ folders of its own).
_IMPORT_PROBE = """
import json, sys
watched = ("os.mkdir", "subprocess.Popen", "os.posix_spawn", "os.fork", "os.system", "os.exec", "os.spawn")
seen = []
sys.addaudithook(lambda event, args: seen.append([event, repr(args[:1])]) if event.startswith(watched) else None)
try:
    import wdhs.settings
    outcome = "imported"
except Exception as exc:
    outcome = type(exc).__name__
print(json.dumps({"outcome": outcome, "seen": seen, "pgembed": "wdhs.pgembed" in sys.modules}))
"""


@pytest.mark.parametrize(
    ("env", "outcome"),
    [
        ({"DJANGO_ENV": "development"}, "imported"),
        ({"DJANGO_ENV": "test"}, "imported"),
        ({"DJANGO_ENV": "production", "DJANGO_SECRET_KEY": "k" * 60, "DJANGO_ALLOWED_HOSTS": "x.nl"}, "imported"),
        ({"DJANGO_ENV": "development", "DATABASE_URL": ""}, "ImproperlyConfigured"),
    ],
    ids=["development", "test", "production", "no-database-url"],
)
def test_importing_settings_creates_no_folder_and_starts_no_process(env: dict[str, str], outcome: str) -> None:
    result = subprocess.run(
        [sys.executable, "-B", "-c", _IMPORT_PROBE],
        cwd=ROOT,
        env={**_environment(), "DATABASE_URL": "postgres://nobody@127.0.0.1:9/never-connected", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report == {"outcome": outcome, "seen": [], "pgembed": False}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", True),
        ("true", True),
        ("Yes", True),
        (" ON ", True),
        ("0", False),
        ("False", False),
        ("no", False),
        ("off", False),
    ],
)
def test_env_bool_reads_the_accepted_values(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    monkeypatch.setenv("WDHS_TEST_FLAG", value)
    assert env_bool("WDHS_TEST_FLAG", not expected) is expected


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_uses_the_default_when_unset_or_empty(monkeypatch: pytest.MonkeyPatch, default: bool) -> None:
    monkeypatch.delenv("WDHS_TEST_FLAG", raising=False)
    assert env_bool("WDHS_TEST_FLAG", default) is default
    monkeypatch.setenv("WDHS_TEST_FLAG", "")
    assert env_bool("WDHS_TEST_FLAG", default) is default


@pytest.mark.parametrize("value", ["ture", "2", "ja", "of"])
def test_env_bool_refuses_an_unknown_value(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("WDHS_TEST_FLAG", value)
    with pytest.raises(ImproperlyConfigured) as refused:
        env_bool("WDHS_TEST_FLAG", False)
    message = str(refused.value)
    assert f"WDHS_TEST_FLAG={value!r}" in message
    assert "1, true, yes, on" in message and "0, false, no, off" in message


def test_a_typo_in_django_debug_stops_the_portal() -> None:
    result = _manage("check", DJANGO_ENV="development", DJANGO_DEBUG="ture")
    assert result.returncode != 0
    assert "DJANGO_DEBUG='ture' wordt niet begrepen" in result.stderr
