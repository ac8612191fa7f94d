"""The settings for more than one app server follow the environment: cache, sessions, uploads, replica, proxies.

Each case loads the settings in a fresh `manage.py` process, as a server would. No S3 server runs here: the
test shows which storage the portal would use and with what, not that a bucket answers.
"""

from __future__ import annotations

import json

from tests.base.test_settings import _manage

PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "a-long-random-production-key-" + "x9Y!k2#Lq" * 5,
    "DJANGO_ALLOWED_HOSTS": "kennisplatform.example.nl",
}
MULTI_SERVER_ENV = (
    "REDIS_URL",
    "WDHS_CACHE_KEY_PREFIX",
    "WDHS_S3_BUCKET",
    "AWS_S3_ENDPOINT_URL",
    "DATABASE_REPLICA_URL",
    "WDHS_TRUSTED_PROXIES",
    "DB_POOLER",
)

SHOW = """
import json
from django.conf import settings as s
from django.core.files.storage import storages
default = storages["default"]
storage = {"class": type(default).__module__ + "." + type(default).__name__}
for name in ("bucket_name", "endpoint_url", "location", "region_name", "file_overwrite", "addressing_style"):
    if hasattr(default, name):
        storage[name] = getattr(default, name)
print(json.dumps({
    "cache": s.CACHES["default"],
    "session_engine": s.SESSION_ENGINE,
    "storage": storage,
    "databases": sorted(s.DATABASES),
    "replica": s.DATABASES.get("replica"),
    "routers": s.DATABASE_ROUTERS,
    "first_middleware": s.MIDDLEWARE[0],
    "trusted_proxies": s.TRUSTED_PROXIES,
    "server_side_cursors": {alias: not db["DISABLE_SERVER_SIDE_CURSORS"] for alias, db in s.DATABASES.items()},
}, default=str))
"""


def settings_with(**env: str) -> dict:
    result = _manage("shell", "--no-imports", "-c", SHOW, unset=MULTI_SERVER_ENV, **{**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_one_server_needs_nothing_but_postgresql():
    shown = settings_with()
    assert shown["cache"]["BACKEND"] == "wdhs.cache.PostgresCache"  # Django's DatabaseCache, a write in one statement
    assert shown["cache"]["KEY_PREFIX"] == "wdhs"
    assert shown["cache"]["OPTIONS"]["MAX_ENTRIES"] >= 100_000
    assert shown["session_engine"] == "django.contrib.sessions.backends.db"
    assert shown["storage"]["class"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert shown["databases"] == ["default"] and shown["routers"] == []
    assert shown["first_middleware"] == "django.middleware.security.SecurityMiddleware"
    assert shown["trusted_proxies"] == []


def test_each_part_for_more_servers_is_switched_on_by_its_variable():
    shown = settings_with(
        REDIS_URL="redis://cache.internal:6379/3",
        WDHS_CACHE_KEY_PREFIX="wdhs-acc",
        WDHS_S3_BUCKET="wdhs-uploads",
        AWS_S3_ENDPOINT_URL="https://s3.example.nl",
        AWS_S3_REGION_NAME="nl-ams",
        AWS_S3_ADDRESSING_STYLE="path",
        DATABASE_REPLICA_URL="postgres://reader@replica.internal:5433/wdhs",
        WDHS_TRUSTED_PROXIES="10.0.0.5, 172.18.0.0/16,2001:db8::/48",
    )
    # The cache, and with it a copy of the sessions, in Redis.
    assert shown["cache"]["BACKEND"] == "wdhs.cache.ResilientRedisCache"
    assert shown["cache"]["LOCATION"] == "redis://cache.internal:6379/3"
    assert shown["cache"]["KEY_PREFIX"] == "wdhs-acc"
    assert shown["cache"]["OPTIONS"]["socket_timeout"] > 0
    assert shown["session_engine"] == "django.contrib.sessions.backends.cached_db"
    # Uploads in the bucket.
    assert shown["storage"] == {
        "class": "storages.backends.s3.S3Storage",
        "bucket_name": "wdhs-uploads",
        "endpoint_url": "https://s3.example.nl",
        "location": "media",
        "region_name": "nl-ams",
        "file_overwrite": False,
        "addressing_style": "path",
    }
    # Reads from the replica where safe.
    assert shown["databases"] == ["default", "replica"]
    replica = shown["replica"]
    assert (replica["NAME"], replica["HOST"], replica["PORT"]) == ("wdhs", "replica.internal", 5433)
    assert replica["TEST"]["MIRROR"] == "default"
    assert shown["routers"] == ["wdhs.routers.PrimaryReplicaRouter"]
    assert shown["first_middleware"] == "wdhs.routers.ReplicaMiddleware"
    # The proxies whose X-Forwarded-For counts.
    assert shown["trusted_proxies"] == ["10.0.0.5", "172.18.0.0/16", "2001:db8::/48"]


def test_a_typo_in_the_trusted_proxies_stops_the_portal():
    result = _manage("check", unset=MULTI_SERVER_ENV, **PRODUCTION, WDHS_TRUSTED_PROXIES="10.0.0.5,10.0.0.300")
    assert result.returncode != 0
    assert "WDHS_TRUSTED_PROXIES: '10.0.0.300' is geen IP-adres of netwerk" in result.stderr


def test_a_replica_must_be_postgresql():
    result = _manage("check", unset=MULTI_SERVER_ENV, **PRODUCTION, DATABASE_REPLICA_URL="mysql://x@db/wdhs")
    assert result.returncode != 0
    assert "DATABASE_REPLICA_URL moet naar PostgreSQL wijzen" in result.stderr


def test_everything_on_passes_check_deploy():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        unset=MULTI_SERVER_ENV,
        **PRODUCTION,
        REDIS_URL="redis://cache.internal:6379/3",
        WDHS_S3_BUCKET="wdhs-uploads",
        AWS_S3_ENDPOINT_URL="https://s3.example.nl",
        DATABASE_REPLICA_URL="postgres://reader@replica.internal:5433/wdhs",
        WDHS_TRUSTED_PROXIES="10.0.0.5",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_pooler_in_transaction_mode_switches_server_side_cursors_off_everywhere():
    assert settings_with()["server_side_cursors"] == {"default": True}
    assert settings_with(DB_POOLER="session")["server_side_cursors"] == {"default": True}
    shown = settings_with(DB_POOLER="transaction", DATABASE_REPLICA_URL="postgres://reader@replica.internal/wdhs")
    assert shown["server_side_cursors"] == {"default": False, "replica": False}
    result = _manage("check", unset=MULTI_SERVER_ENV, **{**PRODUCTION, "DB_POOLER": "statement"})
    assert result.returncode != 0
    assert "DB_POOLER moet leeg zijn" in result.stderr
