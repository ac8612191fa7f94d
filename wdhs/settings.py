"""Settings of the WDHS kennisplatform, read from environment variables.

DJANGO_ENV picks the defaults: "production" (the default: strict, needs DJANGO_SECRET_KEY),
"development" (`make run`: DEBUG on, mail to the console) or "test" (`make test`).
DATABASE_URL names the database; the Makefile sets it to the embedded server of wdhs.pgembed.
Importing this module only reads the environment: it starts nothing and creates no files.
"""

from __future__ import annotations

import ipaddress
import os
from email.utils import parseaddr
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from wdhs import retention

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


_TRUE_VALUES = ("1", "true", "yes", "on")
_FALSE_VALUES = ("0", "false", "no", "off")


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if value == "":
        return default
    if value in _TRUE_VALUES:
        return True
    if value in _FALSE_VALUES:
        return False
    # A typo such as "ture" must not quietly turn a setting off.
    raise ImproperlyConfigured(
        f"{name}={os.environ[name]!r} wordt niet begrepen. Gebruik voor aan: {', '.join(_TRUE_VALUES)}; "
        f"voor uit: {', '.join(_FALSE_VALUES)}."
    )


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


ENVIRONMENT = env("DJANGO_ENV", "production")
if ENVIRONMENT not in {"production", "development", "test"}:
    raise ImproperlyConfigured("DJANGO_ENV moet production, development of test zijn.")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DJANGO_DEBUG", ENVIRONMENT == "development")

SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is verplicht in productie (DJANGO_ENV=production).")
    SECRET_KEY = "development-only-key-not-for-production-" + ENVIRONMENT  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# The portal's name and address as every mail gives them (links in mails are built on SITE_URL, never on the
# host name of the request that triggered the mail).
# Without WDHS_SITE_URL, production takes https:// and the first of DJANGO_ALLOWED_HOSTS.
_DEFAULT_SITE_URL = (
    f"https://{ALLOWED_HOSTS[0].lstrip('.')}" if PRODUCTION and ALLOWED_HOSTS else "http://127.0.0.1:8000"
)
SITE_URL = env("WDHS_SITE_URL", _DEFAULT_SITE_URL).rstrip("/")
WDHS_SITE_NAME = env("WDHS_SITE_NAME", "We Doen Het Samen")

INSTALLED_APPS = [
    "wdhs",
    "knowledge",
    "initiatives",
    "goals",
    "wdhs.alerts",  # e-mail alerts (/meldingen/); the apps register what it can follow (wdhs/alerts/sources.py)
    "wdhs.apps.PortalAdminConfig",  # Django's admin, logging in through allauth (wdhs/adminsite.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.forms",
    "auditlog",  # the audit log of content and accounts (wdhs/audit.py, AUDITLOG_* below)
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "wdhs.apps.TasksConfig",
]

# Public pages for visitors without an account come from the cache until the content changes (wdhs/pagecache.py).
# On in production. Off in development (a changed template shows at once) and in tests (rolled-back transactions
# would leave pages of data that no longer exists); the page cache's own tests switch it on.
WDHS_PAGE_CACHE = env_bool("WDHS_PAGE_CACHE", PRODUCTION)
WDHS_PAGE_CACHE_SECONDS = env_int("WDHS_PAGE_CACHE_SECONDS", 300)
# /api/ answers itself with ETag/304 and counts every request for its rate limit (api/http.py).
WDHS_PAGE_CACHE_SKIP = ("/beheer/", "/mijn/", "/accounts/", "/healthz", "/media/", "/api/")
# Counts that many pages and visitors share (facets, maps, the theme grid, goal metrics, the sitemap index, the
# funding finder's schemes) are kept in the cache until the content changes (wdhs.pagecache.memo), also for a
# visitor with an account and with the page cache off: counting 100,000 initiatives per request is what made the
# list pages slow at national size. Off in tests (query counts stay the same whatever ran before); the tests of
# the kept counts switch it on. On with the page cache whatever this says.
WDHS_SHARED_COUNTS = env_bool("WDHS_SHARED_COUNTS", ENVIRONMENT != "test")

# A search with more matches than this ranks candidates only (a title word, the newest) and says "meer dan ...":
# ranking and counting every match of a common word reads most of the table (wdhs/search/registry.py, bounded).
SEARCH_EXACT_LIMIT = env_int("WDHS_SEARCH_EXACT_LIMIT", 1000)
# Pages with personal data or staff tools: never kept by a browser or proxy (wdhs.middleware.SecurityHeadersMiddleware).
WDHS_PRIVATE_PATHS = ("/mijn/", "/accounts/", "/beheer/")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "wdhs.errors.RequestLogContextMiddleware",  # early: every log line of the request names its path
    "wdhs.middleware.SecurityHeadersMiddleware",  # before whitenoise, so static files get the headers too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "wdhs.reads.ReadCounterMiddleware",  # just outside the page cache: pages from the cache count too (wdhs/reads.py)
    "wdhs.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wdhs.audit.AuditActorMiddleware",  # who made a change: the logged-in user, read only when something is logged
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wdhs.middleware.InvalidFormStatusMiddleware",
    "wdhs.middleware.TextInputMiddleware",
    "wdhs.middleware.MethodNotAllowedPageMiddleware",
]

ROOT_URLCONF = "wdhs.urls"
CSRF_FAILURE_VIEW = "wdhs.views.csrf_failure"
FORM_RENDERER = "wdhs.forms.renderer.PortalFormRenderer"
WSGI_APPLICATION = "wdhs.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "wdhs.context_processors.portal",
            ],
        },
    },
]

# One database: PostgreSQL, named by DATABASE_URL only. `make run` and `make test` start the embedded
# server (wdhs/pgembed.py) and pass its URL; a server of your own is just another URL.
if not env("DATABASE_URL"):
    raise ImproperlyConfigured(
        "DATABASE_URL ontbreekt, dus het portaal weet niet welke database het moet gebruiken. "
        "Gebruik 'make run' of 'make test': die starten de ingebouwde PostgreSQL en zetten DATABASE_URL. "
        "Of zet DATABASE_URL zelf, bijvoorbeeld DATABASE_URL=postgres://gebruiker:wachtwoord@localhost:5432/wdhs."
    )
# Production keeps a worker's connection open for a minute (checked before reuse): opening a PostgreSQL connection
# costs more than most queries, and the page cache reads its version from the database on every request.
CONN_MAX_AGE = env_int("DB_CONN_MAX_AGE", 60 if PRODUCTION else 0)
DATABASES = {"default": dj_database_url.parse(env("DATABASE_URL"), conn_max_age=CONN_MAX_AGE, conn_health_checks=True)}
if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
    raise ImproperlyConfigured("DATABASE_URL moet naar PostgreSQL wijzen (postgres://...).")
DATABASES["default"].setdefault("TEST", {})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---- More than one app server (#16) ------------------------------------------------------------------------
# What every app server must share: the cache, the sessions, the optional read replica and which proxies to
# believe about the visitor's address. Uploads: see the S3 block below. docs/scaling.md explains the choices.

# The cache holds the rate limits (ours and allauth's) and, with Redis, a copy of the sessions: it must be one
# store for all servers. Redis when REDIS_URL is given, else a table in PostgreSQL (`manage.py createcachetable`).
# The key prefix keeps the portal's keys apart from other users of the same Redis; `cache.clear()` still empties
# the whole Redis database (FLUSHDB), so give the portal a database number of its own (redis://host:6379/3).
CACHE_KEY_PREFIX = env("WDHS_CACHE_KEY_PREFIX", "wdhs")
if env("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's RedisCache that answers as an empty cache while Redis is unreachable (wdhs/cache.py).
            "BACKEND": "wdhs.cache.ResilientRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 300,  # what `cache.set` without a timeout keeps; rate limits and sessions set their own
            # Passed to redis-py's connection pool (one per process and thread): a Redis that hangs costs a
            # request a few seconds, not a worker; idle connections are checked before use after a Redis restart.
            "OPTIONS": {
                "socket_connect_timeout": env_int("REDIS_TIMEOUT", 3),
                "socket_timeout": env_int("REDIS_TIMEOUT", 3),
                "health_check_interval": 30,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "wdhs.cache.PostgresCache",  # one statement per write (wdhs/cache.py)
            "LOCATION": "wdhs_cache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 300,
            # Django's default of 300 rows would cull live rate-limit counters as soon as a few hundred visitors
            # sent a form in one hour, and so lift their limits.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }

# Rendered cards, kept in each process by the digest of their content (`|fingerprint`, wdhs/templatetags/portal.py):
# a card of a list costs a quarter of a millisecond to render and twenty make up a third of a list page. Per
# process, not shared: a kept card is read in microseconds, a round trip to Redis would cost as much as rendering.
# A changed object gets a new key, so nothing here goes stale; the oldest cards make room (about 2 kB each).
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "wdhs-fragments",
    "TIMEOUT": 24 * 3600,
    "OPTIONS": {"MAX_ENTRIES": 20_000},
}
# Filter forms of list pages, kept the same way (`|kept_form`): a form is up to 20 kB (its selects), and a search
# word makes a new one, so fewer of them.
CACHES["forms"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "wdhs-forms",
    "TIMEOUT": 24 * 3600,
    "OPTIONS": {"MAX_ENTRIES": 1_000},
}

# Sessions are rows in PostgreSQL, so a visitor stays logged in whichever server answers and stays logged in
# when Redis restarts (it may keep nothing on disk). With Redis, cached_db reads them from Redis first (one query
# fewer per request; an unreachable Redis falls back to the database). Not signed cookies: a log-out or a deleted
# account must end every session on the server side.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db" if env("REDIS_URL") else "django.contrib.sessions.backends.db"
)

# Optional read replica: with DATABASE_REPLICA_URL, the reads of web requests go to the replica, except the
# reads of a visitor who wrote in the last WDHS_REPLICA_PIN_SECONDS (see wdhs/routers.py). Migrations, the task
# worker and management commands use the primary only.
REPLICA_PIN_SECONDS = env_int("WDHS_REPLICA_PIN_SECONDS", 15)
if env("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        env("DATABASE_REPLICA_URL"), conn_max_age=CONN_MAX_AGE, conn_health_checks=True
    )
    if not DATABASES["replica"]["ENGINE"].endswith("postgresql"):
        raise ImproperlyConfigured("DATABASE_REPLICA_URL moet naar PostgreSQL wijzen (postgres://...).")
    # Tests use the test database through this alias too; there is nothing to create or migrate.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["wdhs.routers.PrimaryReplicaRouter"]
    # First, so that every read of the request, also those of the other middleware, follows its decision.
    MIDDLEWARE.insert(0, "wdhs.routers.ReplicaMiddleware")

# Behind a connection pooler in transaction mode (PgBouncer pool_mode=transaction), each transaction may land on
# another server connection, so a cursor cannot outlive its transaction: DB_POOLER=transaction switches Django's
# server-side cursors off. The portal holds nothing else across transactions (the exports read in keyset chunks,
# the search's planner hint is SET LOCAL). Session mode needs nothing.
DB_POOLER = env("DB_POOLER", "")
if DB_POOLER not in ("", "session", "transaction"):
    raise ImproperlyConfigured("DB_POOLER moet leeg zijn, 'session' of 'transaction'.")
for _database in DATABASES.values():
    _database["DISABLE_SERVER_SIDE_CURSORS"] = DB_POOLER == "transaction"

# Proxies (load balancer, nginx) whose X-Forwarded-For we believe, as IP addresses or networks, comma-separated.
# Only a request that comes straight from one of them is keyed on the address it forwards (wdhs/ratelimit.py);
# from anyone else the header is ignored, since a visitor can send it too.
TRUSTED_PROXIES = env_list("WDHS_TRUSTED_PROXIES")
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"WDHS_TRUSTED_PROXIES: {_proxy!r} is geen IP-adres of netwerk. "
            "Schrijf bijvoorbeeld WDHS_TRUSTED_PROXIES=10.0.0.5,172.18.0.0/16."
        ) from None
# ---- end: more than one app server -----------------------------------------------------------------------

AUTH_USER_MODEL = "wdhs.User"

# The audit log (django-auditlog, wdhs/audit.py): every change to content and accounts, with before and after.
# Derived and noisy fields are left out (the search index, rendered HTML, timestamps that change on each save,
# last_login); the password is recorded as changed, never its value; the asker's name and e-mail of a question
# stay out (they are purged after 12 months, the log must not keep them longer). No IP addresses.
_AUDIT_EXCLUDE = ["search_vector", "description_html", "body_html", "place_names", "updated_at", "last_login"]
AUDITLOG_DISABLE_REMOTE_ADDR = True
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_INCLUDE_TRACKING_MODELS = [
    {
        "model": "wdhs.User",
        "exclude_fields": _AUDIT_EXCLUDE,
        "mask_fields": ["password"],
        "m2m_fields": ["groups", "user_permissions"],
    },
    {"model": "auth.Group", "m2m_fields": ["permissions"]},
    {"model": "wdhs.Term", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "wdhs.SearchSynonym", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "initiatives.Initiative", "exclude_fields": _AUDIT_EXCLUDE, "m2m_fields": ["themes", "needs"]},
    {"model": "initiatives.Membership", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "knowledge.Organisation", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "knowledge.Event", "exclude_fields": _AUDIT_EXCLUDE, "m2m_fields": ["themes"]},
    {"model": "knowledge.Membership", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "knowledge.Resource", "exclude_fields": _AUDIT_EXCLUDE, "m2m_fields": ["themes", "phases"]},
    {"model": "knowledge.Attachment", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "knowledge.FundingScheme", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "knowledge.Question", "exclude_fields": [*_AUDIT_EXCLUDE, "name", "email"]},
    {"model": "knowledge.Route", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "knowledge.RouteStep", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "knowledge.RouteStepLink", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "goals.Goal", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "goals.Indicator", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "goals.Measurement", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "goals.Milestone", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "goals.Update", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "goals.GoalLink", "exclude_fields": _AUDIT_EXCLUDE},
    {"model": "goals.Regulation", "exclude_fields": _AUDIT_EXCLUDE},
    # Readers' reports and reactions: only who handled them and when (the message and address stay out).
    {"model": "initiatives.ProblemReport", "include_fields": ["handled_at"]},
    {"model": "wdhs.PageFeedback", "include_fields": ["handled_at", "handled_by"]},
    # allauth's copy of an account's address: staff may mark it confirmed (the admin action), which opens log-in
    # and password reset to it. The address itself is logged on wdhs.User; erasure renames lines naming it.
    {"model": "account.EmailAddress", "include_fields": ["verified", "primary"]},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "wdhs.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if ENVIRONMENT == "test":
    # Fast hashing keeps the suite quick; production keeps scrypt.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "mijn"

# django-allauth: sign up and log in with an e-mail address, verified before use.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{WDHS_SITE_NAME}] "
# A mail after every change to how someone logs in (password, e-mail address, two-factor), so that an owner
# notices a change they did not make (ASVS 2.5.5); texts in templates/account/email/ and templates/mfa/email/.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    # Failed log-ins per address, and per account and address (see wdhs/adapters.py: the key holds both), so
    # that someone else's wrong passwords never lock you out; per account over all addresses only much higher.
    "login_failed": "10/m/ip,5/5m/key",
    "login_failed_account": "100/h/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
ACCOUNT_FORMS = {"signup": "wdhs.forms.accounts.SignupForm"}
ACCOUNT_ADAPTER = "wdhs.adapters.AccountAdapter"  # account mails go the way of every mail (wdhs.emails)

# Two-factor log-in (allauth.mfa): an authenticator app (TOTP) with recovery codes, for everyone who wants it.
# Staff need it before they can open the admin (wdhs/adminsite.py); WDHS_STAFF_MFA_REQUIRED=false switches
# that off (for example for a local development database), never in production.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "We Doen Het Samen"
MFA_TOTP_TOLERANCE = 1  # a code of the period before or after counts too: phone clocks drift
MFA_ADAPTER = "wdhs.adapters.MFAAdapter"
WDHS_STAFF_MFA_REQUIRED = env_bool("WDHS_STAFF_MFA_REQUIRED", True)

# Background work (django.tasks): mail, search word forms, daily jobs. A queue in the database that
# `manage.py db_worker` works through; in tests a task runs at once, in the process that queues it.
TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend"
        if ENVIRONMENT == "test"
        else "django_tasks_db.DatabaseBackend"
    }
}

# E-mail (Django 6.1 MAILERS): the console in development, SMTP in production, locmem in tests.
_mail_backend = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
MAILERS = {"default": {"BACKEND": _mail_backend, "OPTIONS": {}}}
if _mail_backend.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": env("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25),
        "username": env("EMAIL_HOST_USER"),
        "password": env("EMAIL_HOST_PASSWORD"),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "timeout": env_int("EMAIL_TIMEOUT", 10),
    }
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "We Doen Het Samen <noreply@wedoenhetsamen.nu>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
STAFF_NOTIFICATION_EMAILS = env_list("WDHS_STAFF_EMAILS", "redactie@wedoenhetsamen.nu")
# Optional second way to stop alerts: a mailbox named in the List-Unsubscribe header of every digest (RFC 2369)
# whose mails staff handle. Empty: only the one-click link (RFC 8058), which always works.
WDHS_ALERTS_UNSUBSCRIBE_MAILTO = env("WDHS_ALERTS_UNSUBSCRIBE_MAILTO", "")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
# One date style: "30 november 2026" and "30 november 2026, 14:05" (wdhs/formats/nl/formats.py).
FORMAT_MODULE_PATH = ["wdhs.formats"]
USE_TZ = True

STATIC_URL = "/static/"
# Only production serves collected files (collectstatic). Development and tests serve straight from the
# finders, so they have no folder to collect into, and whitenoise none to warn about.
STATIC_ROOT = BASE_DIR / "staticfiles" if PRODUCTION else None
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("WDHS_MEDIA_ROOT", str(BASE_DIR / "media")))

# Back-ups of `manage.py backup` (wdhs/backup.py, docs/deploy.md); pg_dump and pg_restore from WDHS_PG_BIN_DIR,
# else the embedded PostgreSQL of development, else PATH.
WDHS_BACKUP_DIR = Path(env("WDHS_BACKUP_DIR", str(BASE_DIR / "backups")))
WDHS_PG_BIN_DIR = env("WDHS_PG_BIN_DIR")

# ---- Uploads on S3-compatible storage (#16, more than one app server) ---------------------------------------
# Uploads on local disk exist only on the server that received them. With WDHS_S3_BUCKET they go to a bucket
# that every server reads (AWS S3, or MinIO/Ceph/... with AWS_S3_ENDPOINT_URL). The portal itself serves them
# (knowledge/views.py), so the bucket stays private. The keys come from boto3's usual sources: the environment
# (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), a profile, or the machine's role; they are not copied here.
if env("WDHS_S3_BUCKET"):
    _s3_storage: dict[str, Any] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("WDHS_S3_BUCKET"),
            "location": env("WDHS_S3_PREFIX", "media"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "addressing_style": env("AWS_S3_ADDRESSING_STYLE") or None,  # "path" for most MinIO set-ups
            "file_overwrite": False,  # an upload never replaces another file under the same name
        },
    }
    STORAGES["default"] = _s3_storage
# ---- end: uploads on S3 ---------------------------------------------------------------------------------------
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Security headers (OWASP ASVS level 1). HTTPS-only settings follow DJANGO_HTTPS.
HTTPS = env_bool("DJANGO_HTTPS", PRODUCTION)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# With HTTPS every cookie gets the __Host- prefix: the browser then only accepts it over HTTPS, from this host
# itself (no subdomain can set or overwrite it), for the whole site (ASVS 3.3.1). Renaming logs everyone out once.
_COOKIE_PREFIX = "__Host-" if HTTPS else ""
SESSION_COOKIE_NAME = f"{_COOKIE_PREFIX}sessionid"
CSRF_COOKIE_NAME = f"{_COOKIE_PREFIX}csrftoken"
MESSAGE_COOKIE_NAME = f"{_COOKIE_PREFIX}messages"
MESSAGE_STORAGE = "wdhs.http.MessageStorage"
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY", False) else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(retention.period("sessions").total_seconds())  # the one table: wdhs/retention.py
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Deployment (docs/deploy.md): load balancers and the container's HEALTHCHECK ask /healthz over plain HTTP,
# so the health checks answer without the redirect to HTTPS that every other URL gets.
SECURE_REDIRECT_EXEMPT = [r"^healthz(/full)?$"]

# ---- Errors and logs (#17) -----------------------------------------------------------------------------------
# Errors are mailed to ADMINS: DJANGO_ADMINS="Naam <beheer@example.nl>,ander@example.nl" (no commas in a name).
# The 500 page says someone is told only when this list is set (wdhs.errors.errors_are_reported).
ADMINS = env_list("DJANGO_ADMINS")
for _admin in ADMINS:
    if "@" not in parseaddr(_admin)[1]:
        raise ImproperlyConfigured(
            f"DJANGO_ADMINS: {_admin!r} is geen e-mailadres. Schrijf bijvoorbeeld "
            'DJANGO_ADMINS="Beheer <beheer@example.nl>,ander@example.nl".'
        )

# Log lines as JSON objects on stderr (time, level, logger, message, path, status, request id, exception) for a
# log collector; DJANGO_LOG_FORMAT=text gives plain lines, the default of `make run`.
LOG_LEVEL = env("DJANGO_LOG_LEVEL", "INFO" if PRODUCTION else "WARNING")
LOG_FORMAT = env("DJANGO_LOG_FORMAT", "text" if ENVIRONMENT == "development" else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured("DJANGO_LOG_FORMAT moet json of text zijn.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "wdhs.errors.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "one_mail_per_outage": {"()": "wdhs.errors.OutageMailFilter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT},
        # Sent at once, not through the task queue: an error may be that the database is away.
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "one_mail_per_outage"],
        },
    },
    "root": {"handlers": ["console", "mail_admins"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"level": LOG_LEVEL},
        # A request for a host name that is not ours (bots scanning IP addresses) is logged, not mailed.
        "django.security.DisallowedHost": {"handlers": ["console"], "propagate": False},
    },
}
