#!/usr/bin/env bash
# Replays the Dockerfile and compose.yaml outside Docker, for a machine without a Docker engine (docs/deploy.md,
# "Wat hier getest is"). One command, run as root from a checkout:
#
#   bash deploy/check-outside-docker.sh [git-ref]        (default HEAD: what is committed, as a clean checkout)
#
# Not part of `make test`: it needs root (a user of its own, files it cannot write), PostgreSQL on 127.0.0.1:5432
# with trust for local TCP connections, Redis on 127.0.0.1:6379 and the package index (uv and PyYAML from pip,
# the locked dependencies through uv). It takes a few minutes and cleans up after itself (KEEP=1 keeps the
# folder); it exits non-zero at the first check that fails.
#
# What it does, in the image's order: the build context from `git archive` less .dockerignore; the builder's
# ENV, `pip install uv==…`, `uv sync` and the collectstatic RUN line, read from the Dockerfile and run with /app
# replaced by a temporary folder and /usr/local/bin/python by a copy of a Python 3.12 (the image's Python lives
# in /usr/local, readable by everyone; pyenv's lives under /root). Then, as a user without rights who cannot
# change the code, each service's command from compose.yaml with its environment (the Dockerfile's ENV, .env,
# the service's `environment`), with these local changes: the database is a new one on the local server for a
# role without superuser rights (db:5432 -> 127.0.0.1:5432), Redis is redis://127.0.0.1:6379/5, gunicorn binds
# to a free loopback port instead of 0.0.0.0:8000, cache keys get a prefix of their own, mail goes to the console.
#
# Settings: WDHS_CHECK_PYTHON (a Python 3.12; default pyenv's newest 3.12 or python3.12 on PATH),
# WDHS_CHECK_PG_HOST/WDHS_CHECK_PG_PORT (127.0.0.1, 5432), WDHS_CHECK_PG_ADMIN (postgres),
# WDHS_CHECK_REDIS_URL (redis://127.0.0.1:6379/5).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
REF=${1:-HEAD}
PG_HOST=${WDHS_CHECK_PG_HOST:-127.0.0.1}
PG_PORT=${WDHS_CHECK_PG_PORT:-5432}
PG_ADMIN=${WDHS_CHECK_PG_ADMIN:-postgres}
REDIS_URL_LOCAL=${WDHS_CHECK_REDIS_URL:-redis://127.0.0.1:6379/5}
TAG=deploycheck_$$
DB=wdhs_$TAG
DB_RESTORE=${DB}_restore
ROLE=wdhs_$TAG
APP_USER=wdhs-check-$$
HOST=localhost
WORK=""
PIDS=()

say() { printf '\n== %s\n' "$*"; }
ok() { printf '   ok: %s\n' "$*"; }
fail() {
    printf '   FOUT: %s\n' "$*" >&2
    exit 1
}
psql_admin() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_ADMIN" -d postgres "$@"; }
sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$ROLE" -d "${2:-$DB}" -c "$1"; }

cleanup() {
    local status=$?
    set +e
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    # Anything of the user's left (a process the checks did not start themselves), by its process id.
    if id "$APP_USER" >/dev/null 2>&1; then
        for pid in $(ps -o pid= -u "$APP_USER"); do kill -KILL "$pid" 2>/dev/null; done
        sleep 1
    fi
    if [ -n "$WORK" ]; then
        psql_admin -c "drop database if exists $DB_RESTORE with (force)" -c "drop database if exists $DB with (force)" \
            -c "drop role if exists $ROLE" >/dev/null 2>&1
        redis-cli -u "$REDIS_URL_LOCAL" --scan --pattern "$TAG:*" 2>/dev/null |
            xargs -r redis-cli -u "$REDIS_URL_LOCAL" del >/dev/null 2>&1
    fi
    id "$APP_USER" >/dev/null 2>&1 && userdel "$APP_USER"
    if [ -n "$WORK" ] && [ "${KEEP:-0}" != 1 ]; then
        rm -rf "$WORK"
    elif [ -n "$WORK" ]; then
        echo "Bewaard: $WORK"
    fi
    if [ "$status" = 0 ]; then
        printf '\nAlles gelukt.\n'
    else
        printf '\nMislukt (exit %s); logs stonden in %s/logs.\n' "$status" "$WORK" >&2
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ "$(id -u)" = 0 ] || fail "draai dit als root: het maakt een eigen gebruiker en een map die die niet mag wijzigen"
for tool in git psql pg_dump pg_restore redis-cli curl setpriv useradd; do
    command -v "$tool" >/dev/null || fail "$tool ontbreekt"
done
psql_admin -c "select 1" >/dev/null || fail "geen PostgreSQL op $PG_HOST:$PG_PORT voor $PG_ADMIN (trust)"
redis-cli -u "$REDIS_URL_LOCAL" ping >/dev/null || fail "geen Redis op $REDIS_URL_LOCAL"

WORK=$(mktemp -d /tmp/wdhs-deploycheck.XXXXXX)
chmod 755 "$WORK"
mkdir -p "$WORK/logs" "$WORK/context" "$WORK/backups"
APP=$WORK/app

say "Python 3.12 voor /usr/local (de Python van het image)"
if [ -n "${WDHS_CHECK_PYTHON:-}" ]; then
    base_python=$WDHS_CHECK_PYTHON
elif command -v pyenv >/dev/null && v=$(pyenv versions --bare 2>/dev/null | grep -E '^3\.12(\.|$)' | sort -rV | head -1) && [ -n "$v" ]; then
    base_python=$(PYENV_VERSION=$v pyenv which python)
else
    base_python=$(command -v python3.12) || fail "geen Python 3.12 gevonden; zet WDHS_CHECK_PYTHON"
fi
prefix=$("$base_python" -c 'import sys; print(sys.base_prefix)')
mkdir -p "$WORK/python"
tar -C "$prefix" --exclude=./lib/python3.12/site-packages --exclude=./lib/python3.12/test -cf - . | tar -C "$WORK/python" -xf -
mkdir -p "$WORK/python/lib/python3.12/site-packages"
PY=$WORK/python/bin/python3.12
export LD_LIBRARY_PATH=$WORK/python/lib
"$PY" -c 'import sys; assert sys.version_info[:2] == (3, 12), sys.version' || fail "de kopie van Python werkt niet"
ok "$("$PY" --version) uit $prefix, gekopieerd naar $WORK/python"

say "Build-context: git archive $REF, minus .dockerignore"
git -C "$REPO" archive --format=tar "$REF" | tar -x -C "$WORK/context"
[ -f "$WORK/context/.dockerignore" ] || fail ".dockerignore ontbreekt"
while IFS= read -r pattern || [ -n "$pattern" ]; do
    pattern=${pattern%%#*}
    pattern=$(printf '%s' "$pattern" | tr -d '[:space:]')
    [ -n "$pattern" ] || continue
    case $pattern in
    '!'*) fail ".dockerignore: uitzonderingen ($pattern) kan dit script niet nadoen" ;;
    '**/'*) find "$WORK/context" -name "${pattern#\*\*/}" -prune -exec rm -rf {} + ;;
    *) (cd "$WORK/context" && for match in $pattern; do [ -e "$match" ] && rm -rf "$match"; done; true) ;;
    esac
done <"$WORK/context/.dockerignore"
for absent in tests docs .git .env compose.yaml; do
    [ ! -e "$WORK/context/$absent" ] || fail "$absent zit in de build-context"
done
ok "$(find "$WORK/context" -type f | wc -l) bestanden"

# The Dockerfile and compose.yaml of the checked ref, read by the helper beside this script.
git -C "$REPO" show "$REF:Dockerfile" >"$WORK/Dockerfile"
git -C "$REPO" show "$REF:compose.yaml" >"$WORK/compose.yaml"
cp "$REPO/deploy/check_outside_docker.py" "$WORK/helper.py"

say "Builder-stage: pip install uv, uv sync --locked --no-dev, collectstatic (regels uit de Dockerfile)"
"$PY" "$WORK/helper.py" dockerfile "$WORK/Dockerfile" "$APP" "$PY" >"$WORK/dockerfile.sh"
# shellcheck disable=SC1091
. "$WORK/dockerfile.sh" # UV_REQUIREMENT, BUILDER_ENV, SYNC_RUN, STATIC_RUN, RUNTIME_ENV, CMD_ARGS, HEALTH_ARGS
"$PY" -m venv "$WORK/tools"
"$WORK/tools/bin/pip" install --quiet --disable-pip-version-check "$UV_REQUIREMENT" "pyyaml==6.0.*" >"$WORK/logs/pip.log" 2>&1 ||
    fail "pip install $UV_REQUIREMENT: zie $WORK/logs/pip.log"
ok "$("$WORK/tools/bin/uv" --version)"
mkdir -p "$APP"
cp "$WORK/context/pyproject.toml" "$WORK/context/uv.lock" "$APP/"
(cd "$APP" && env "${BUILDER_ENV[@]}" PATH="$WORK/tools/bin:$PATH" sh -c "$SYNC_RUN") >"$WORK/logs/uv-sync.log" 2>&1 ||
    fail "uv sync: zie $WORK/logs/uv-sync.log"
for dev in pytest ruff mypy; do
    [ ! -e "$APP/.venv/bin/$dev" ] || fail "$dev staat in de productie-venv"
done
ok "uv sync: $(grep -c '^ + ' "$WORK/logs/uv-sync.log" || true) pakketten, geen pytest/ruff/mypy"
cp -a "$WORK/context/." "$APP/"
(cd "$APP" && env "${BUILDER_ENV[@]}" sh -c "$STATIC_RUN") >"$WORK/logs/collectstatic.log" 2>&1 ||
    fail "collectstatic: zie $WORK/logs/collectstatic.log"
[ -s "$APP/staticfiles/staticfiles.json" ] || fail "collectstatic maakte geen staticfiles.json"
ok "collectstatic: $(find "$APP/staticfiles" -type f | wc -l) bestanden"

say "Runtime-stage: een gebruiker zonder rechten; code van root, alleen media/ van de gebruiker"
useradd --system --user-group --home-dir "$APP" --no-create-home --shell /usr/sbin/nologin "$APP_USER"
chown -R root:root "$APP"
chmod -R go-w "$APP"
mkdir -p "$APP/media" "$WORK/run"
chown "$APP_USER:$APP_USER" "$APP/media" "$WORK/run"
as_user() { setpriv --reuid="$APP_USER" --regid="$APP_USER" --clear-groups "$@"; }
as_user sh -c "touch '$APP/media/.w' && rm '$APP/media/.w'" || fail "media/ is niet schrijfbaar voor de gebruiker"
for path in manage.py wdhs/settings.py .venv/bin/python staticfiles/staticfiles.json .; do
    if as_user sh -c "[ -w '$APP/$path' ]"; then fail "$path is schrijfbaar voor de gebruiker"; fi
done
ok "$APP_USER (uid $(id -u "$APP_USER")) kan media/ schrijven, de code en .venv niet"

say "Database: een nieuwe op $PG_HOST:$PG_PORT, van een rol zonder superuser-rechten"
psql_admin -c "create role $ROLE login" -c "create database $DB owner $ROLE" >/dev/null
DJANGO_SECRET_KEY_TEST=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
cat >"$WORK/.env" <<EOF
DJANGO_SECRET_KEY=$DJANGO_SECRET_KEY_TEST
POSTGRES_PASSWORD=deploycheck
WDHS_DOMAIN=$HOST
DJANGO_ALLOWED_HOSTS=$HOST
WDHS_SITE_URL=https://$HOST
EMAIL_HOST=localhost
EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
WDHS_CACHE_KEY_PREFIX=$TAG
EOF
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
service_env() {
    "$WORK/tools/bin/python" "$WORK/helper.py" compose "$WORK/compose.yaml" "$WORK/.env" "$1" "$APP" \
        --dockerfile "$WORK/Dockerfile" --db "postgres://$ROLE@$PG_HOST:$PG_PORT/${2:-$DB}" \
        --redis "$REDIS_URL_LOCAL" --bind "127.0.0.1:$PORT" --python-lib "$WORK/python/lib"
}
# A service's command (or the given command) as the user, in /app, with only the service's environment.
service_command() {
    local service=$1
    shift
    local -a envs cmd
    mapfile -t envs < <(service_env "$service" | sed -n 's/^ENV //p')
    if [ $# -gt 0 ]; then cmd=("$@"); else mapfile -t cmd < <(service_env "$service" | sed -n 's/^CMD //p'); fi
    [ ${#cmd[@]} -gt 0 ] || cmd=("${CMD_ARGS[@]}")
    SERVICE_CMD=(setpriv --reuid="$APP_USER" --regid="$APP_USER" --clear-groups env -i "${envs[@]}" "${EXTRA_ENV[@]}" "${cmd[@]}")
}
run_service() {
    service_command "$@"
    (cd "$APP" && "${SERVICE_CMD[@]}")
}
# In the background, logging to $1; STARTED is the command's own process id (exec), to stop it as docker stop
# would: a signal to a shell around it would not reach it.
start_service() {
    local log=$1
    shift
    service_command "$@"
    (cd "$APP" && exec "${SERVICE_CMD[@]}") >"$log" 2>&1 &
    STARTED=$!
    PIDS+=("$STARTED")
}
EXTRA_ENV=()
service_env web >"$WORK/web.env"
sed -n 's/^NOTE /   /p' "$WORK/web.env"

say "migrate (de opdracht uit compose.yaml), twee keer"
run_service migrate >"$WORK/logs/migrate-1.log" 2>&1 || fail "migrate: zie $WORK/logs/migrate-1.log"
run_service migrate >"$WORK/logs/migrate-2.log" 2>&1 || fail "migrate, tweede keer: zie $WORK/logs/migrate-2.log"
grep -q "No migrations to apply" "$WORK/logs/migrate-2.log" || fail "de tweede migrate deed nog iets"
places=$(sql "select count(*) from wdhs_municipality")
[ "$places" -gt 300 ] || fail "load_places laadde $places gemeenten"
ok "migraties, cachetabel, $places gemeenten; de tweede keer niets te doen"
[ "$(sql "select rolsuper from pg_roles where rolname = current_user")" = f ] || fail "de rol is superuser"

say "web: de CMD uit de Dockerfile (gunicorn), productie-instellingen, op 127.0.0.1:$PORT"
start_service "$WORK/logs/web.log" web
WEB_PID=$STARTED
for _ in $(seq 1 60); do
    curl -s -o /dev/null "$BASE/healthz" -H "Host: $HOST" && break
    kill -0 "$WEB_PID" 2>/dev/null || fail "gunicorn stopte: zie $WORK/logs/web.log"
    sleep 1
done
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
healthz=$(curl -s "$BASE/healthz" -H "Host: $HOST")
[ "$(code "$BASE/healthz" -H "Host: $HOST")" = 200 ] || fail "/healthz over HTTP: $healthz"
ok "/healthz over gewoon HTTP (de HEALTHCHECK en een load balancer): 200 $healthz"
[ "$(code "$BASE/healthz/full" -H "Host: $HOST")" = 503 ] || fail "/healthz/full zonder taakverwerker is geen 503"
ok "/healthz/full zonder taakverwerker: 503"
run_service web python -m wdhs.healthcheck || fail "python -m wdhs.healthcheck (HEALTHCHECK) gaf geen 0"
ok "HEALTHCHECK (${HEALTH_ARGS[*]}) als de gebruiker: exit 0"
proxy=(-H "Host: $HOST" -H "X-Forwarded-Proto: https" -H "X-Forwarded-For: 198.51.100.7")
curl -s -D "$WORK/home.headers" -o "$WORK/home.html" "$BASE/" "${proxy[@]}"
head -1 "$WORK/home.headers" | grep -q " 200" || fail "de homepage achter de proxy: $(head -1 "$WORK/home.headers")"
grep -q '<html lang="nl"' "$WORK/home.html" || fail "de homepage is geen Nederlandse HTML-pagina"
grep -qi '^strict-transport-security: max-age=31536000' "$WORK/home.headers" || fail "geen HSTS achter de proxy"
ok "/ met X-Forwarded-Proto: https: 200, HSTS"
location=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$BASE/" -H "Host: $HOST")
[ "$location" = "301 https://$HOST/" ] || fail "/ over HTTP zonder proxy: $location"
ok "/ zonder X-Forwarded-Proto: $location"
[ "$(code "$BASE/" -H "Host: evil.example" -H "X-Forwarded-Proto: https")" = 400 ] || fail "een andere Host werd niet geweigerd"
ok "een Host buiten DJANGO_ALLOWED_HOSTS: 400"
css=$(grep -o 'href="/static/[^"]*\.css"' "$WORK/home.html" | head -1 | sed 's|href="/static/||; s|"$||')
[ -n "$css" ] || fail "de homepage verwijst naar geen CSS in /static/"
grep -q "\"$css\"" "$APP/staticfiles/staticfiles.json" || fail "$css staat niet in staticfiles.json (geen hash)"
curl -s -D "$WORK/static.headers" -o /dev/null "$BASE/static/$css" "${proxy[@]}" -H "Accept-Encoding: gzip"
head -1 "$WORK/static.headers" | grep -q " 200" || fail "/static/$css: $(head -1 "$WORK/static.headers")"
grep -qi '^cache-control: .*max-age=315360000' "$WORK/static.headers" || fail "/static/$css wordt niet lang bewaard"
grep -qi '^content-encoding: gzip' "$WORK/static.headers" || fail "/static/$css komt niet gecomprimeerd"
ok "whitenoise: /static/$css 200, gzip, max-age=315360000"
timeout=$(run_service web python manage.py shell --no-imports -c 'from django.db import connection; c = connection.cursor(); c.execute("show statement_timeout"); print(c.fetchone()[0])' 2>/dev/null | tail -1)
[ "$timeout" = 25s ] || fail "statement_timeout van web is $timeout, niet 25s"
ok "web's DATABASE_URL zet statement_timeout=25s"

# Caddy reaches web from an address in the compose network and replaces X-Forwarded-For with the visitor's.
visitor=$(run_service web python manage.py shell --no-imports -c 'from django.test import RequestFactory; from wdhs.ratelimit import client_ip; print(client_ip(RequestFactory().get("/", REMOTE_ADDR="172.19.0.6", HTTP_X_FORWARDED_FOR="198.51.100.7")))' 2>/dev/null | tail -1)
[ "$visitor" = 198.51.100.7 ] || fail "achter Caddy (172.19.0.6) is het adres van de bezoeker $visitor: WDHS_TRUSTED_PROXIES?"
ok "rate limits achter Caddy tellen per bezoeker (X-Forwarded-For van 172.19.0.6 geloofd)"

say "worker: de opdracht uit compose.yaml; hartslag in /healthz/full"
start_service "$WORK/logs/worker.log" worker
WORKER_PID=$STARTED
full=""
for _ in $(seq 1 60); do
    full=$(curl -s "$BASE/healthz/full" -H "Host: $HOST")
    case $full in *'"workers": 1'*) break ;; esac
    kill -0 "$WORKER_PID" 2>/dev/null || fail "de taakverwerker stopte: zie $WORK/logs/worker.log"
    sleep 1
done
[ "$(code "$BASE/healthz/full" -H "Host: $HOST")" = 200 ] || fail "/healthz/full met taakverwerker: $full"
ok "/healthz/full: 200 $full"

say "scheduler: deploy/scheduler.sh uit compose.yaml, met een sleep die de eerste keer niet wacht"
mkdir -p "$WORK/fakebin"
cat >"$WORK/fakebin/sleep" <<'EOF'
#!/bin/sh
# The first wait of deploy/scheduler.sh (until hh:05) is noted and skipped; every later one really waits.
if [ ! -e "$WDHS_CHECK_SLEEP_NOTE" ]; then
    echo "$1 $(date +%s)" >"$WDHS_CHECK_SLEEP_NOTE"
    exit 0
fi
exec /bin/sleep "$@"
EOF
chmod 755 "$WORK/fakebin/sleep"
mapfile -t scheduler_env < <(service_env scheduler | sed -n 's/^ENV //p')
scheduler_path=$(printf '%s\n' "${scheduler_env[@]}" | sed -n 's/^PATH=//p')
EXTRA_ENV=("PATH=$WORK/fakebin:$scheduler_path" "WDHS_CHECK_SLEEP_NOTE=$WORK/run/sleep")
start_service "$WORK/logs/scheduler.log" scheduler
SCHEDULER_PID=$STARTED
EXTRA_ENV=()
done_jobs=0
for _ in $(seq 1 90); do
    done_jobs=$(sql "select count(*) from django_tasks_database_dbtaskresult where status = 'SUCCESSFUL'")
    [ "$done_jobs" -ge 5 ] && break
    sleep 1
done
[ -s "$WORK/run/sleep" ] || fail "de planner wachtte niet eerst"
read -r seconds at <"$WORK/run/sleep"
if [ "$seconds" -lt 1 ] || [ "$seconds" -gt 3600 ]; then fail "de planner wilde $seconds seconden wachten"; fi
# hh:05 in UTC is hh:05 in the Netherlands; a second either side for the time between the two `date`s.
until_five=$(((at + seconds) % 3600))
if [ "$until_five" -lt 299 ] || [ "$until_five" -gt 301 ]; then
    fail "de planner wacht niet tot hh:05 ($seconds s vanaf $(date -u -d "@$at" +%T) UTC)"
fi
ok "de planner wacht eerst $seconds s, tot $(date -d "@$((at + seconds))" +%H:%M) (hh:05)"
grep -q "refresh_words: in de wachtrij" "$WORK/logs/scheduler.log" || fail "de planner zette niets klaar: zie $WORK/logs/scheduler.log"
[ "$done_jobs" -ge 5 ] || fail "de taakverwerker deed $done_jobs van de 5 taken: zie $WORK/logs/worker.log"
failed=$(sql "select count(*) from django_tasks_database_dbtaskresult where status <> 'SUCCESSFUL'")
[ "$failed" = 0 ] || fail "$failed taken niet gelukt: zie $WORK/logs/worker.log"
[ "$(sql "select count(*) from wdhs_dailyjobrun")" -ge 4 ] || fail "de dagtaken staan niet als gedaan genoteerd"
ok "planner zette 5 taken klaar, de taakverwerker deed ze alle 5"

say "worker stoppen (SIGTERM, zoals docker stop): de hartslag verdwijnt"
kill -TERM "$WORKER_PID"
for _ in $(seq 1 30); do kill -0 "$WORKER_PID" 2>/dev/null || break; sleep 1; done
if kill -0 "$WORKER_PID" 2>/dev/null; then fail "de taakverwerker stopte niet binnen 30 s na SIGTERM"; fi
wait "$WORKER_PID" || fail "de taakverwerker stopte na SIGTERM met een fout: zie $WORK/logs/worker.log"
[ "$(code "$BASE/healthz/full" -H "Host: $HOST")" = 503 ] || fail "/healthz/full na het stoppen is geen 503"
ok "gestopt; /healthz/full weer 503"

say "scheduler stoppen (SIGTERM, zoals tini van init: true het doorgeeft)"
kill -TERM "$SCHEDULER_PID"
for _ in $(seq 1 5); do kill -0 "$SCHEDULER_PID" 2>/dev/null || break; sleep 1; done
if kill -0 "$SCHEDULER_PID" 2>/dev/null; then fail "de planner stopte niet binnen 5 s na SIGTERM"; fi
wait "$SCHEDULER_PID" 2>/dev/null || true
# Its `sleep` is left; in a container it ends with the container, so here it is stopped by its process id.
for pid in $(ps -o pid=,comm= -u "$APP_USER" | awk '$2 == "sleep" {print $1}'); do kill -TERM "$pid"; done
ok "de planner stopte meteen"

say "back-up en terugzetten (docs/deploy.md): pg_dump, pg_restore, migrate --check"
dump=$WORK/backups/wdhs-$(date +%F).dump
pg_dump -h "$PG_HOST" -p "$PG_PORT" --username="$ROLE" --format=custom --file="$dump" "$DB"
psql_admin -c "drop database if exists $DB_RESTORE" -c "create database $DB_RESTORE owner $ROLE" >/dev/null
pg_restore -h "$PG_HOST" -p "$PG_PORT" -U "$ROLE" --no-owner --exit-on-error -d "$DB_RESTORE" "$dump" ||
    fail "pg_restore"
mapfile -t restore_env < <(service_env web "$DB_RESTORE" | sed -n 's/^ENV //p')
(cd "$APP" && as_user env -i "${restore_env[@]}" python manage.py migrate --check) >"$WORK/logs/restore.log" 2>&1 ||
    fail "migrate --check op de teruggezette database: zie $WORK/logs/restore.log"
for table in wdhs_municipality initiatives_initiative django_tasks_database_dbtaskresult; do
    [ "$(sql "select count(*) from $table")" = "$(sql "select count(*) from $table" "$DB_RESTORE")" ] ||
        fail "$table telt anders na terugzetten"
done
# What a plain dump of a non-superuser's database can lose: the search configuration and the triggers.
[ "$(sql "select count(*) from pg_ts_config where cfgname = 'wdhs_dutch'" "$DB_RESTORE")" = 1 ] ||
    fail "de zoekconfiguratie wdhs_dutch kwam niet mee terug"
triggers="select count(*) from pg_trigger where not tgisinternal"
trigger_count=$(sql "$triggers")
[ "$trigger_count" -gt 0 ] || fail "de database heeft geen triggers (zoekindex)"
[ "$(sql "$triggers" "$DB_RESTORE")" = "$trigger_count" ] || fail "niet alle $trigger_count triggers kwamen mee terug"
ok "$(du -h "$dump" | cut -f1) dump teruggezet; migrate --check slaagt, tellingen, zoekconfiguratie en triggers gelijk"

say "web stoppen (SIGTERM): gunicorn stopt netjes, de HEALTHCHECK faalt daarna"
kill -TERM "$WEB_PID"
for _ in $(seq 1 35); do kill -0 "$WEB_PID" 2>/dev/null || break; sleep 1; done
if kill -0 "$WEB_PID" 2>/dev/null; then fail "gunicorn stopte niet binnen 35 s na SIGTERM"; fi
wait "$WEB_PID" || fail "gunicorn stopte na SIGTERM met een fout: zie $WORK/logs/web.log"
[ -z "$(ps -o pid= -u "$APP_USER")" ] || fail "na het stoppen draait er nog iets van $APP_USER: $(ps -o pid=,args= -u "$APP_USER")"
if run_service web python -m wdhs.healthcheck 2>/dev/null; then fail "de HEALTHCHECK slaagt zonder webserver"; fi
ok "HEALTHCHECK zonder webserver: exit 1"
