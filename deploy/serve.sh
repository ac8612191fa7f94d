#!/usr/bin/env bash
# `make serve`: the portal as in production on this machine: production settings, gunicorn
# (wdhs/gunicorn_config.py) on 127.0.0.1:8000 and the task worker beside it. See docs/deploy.md.
#
# Reads .env when there is one (KEY=value lines, as compose.yaml uses). DJANGO_SECRET_KEY and
# DJANGO_ALLOWED_HOSTS are required: nothing is made up for you. Without DATABASE_URL it uses the
# embedded PostgreSQL, like `make run`. Over plain http://127.0.0.1:8000 set DJANGO_HTTPS=0, or every
# page redirects to https.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

if [ -f .env ]; then
    set -a
    # shellcheck disable=SC1091
    . ./.env
    set +a
fi
export DJANGO_ENV=production

missing=""
for name in DJANGO_SECRET_KEY DJANGO_ALLOWED_HOSTS; do
    [ -n "${!name:-}" ] || missing="$missing $name"
done
if [ -n "$missing" ]; then
    echo "make serve draait met de productie-instellingen en heeft nodig:$missing." >&2
    echo "Zet ze in .env of in de omgeving, bijvoorbeeld:" >&2
    echo "  DJANGO_SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')" >&2
    echo "  DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost" >&2
    echo "  DJANGO_HTTPS=0            # alleen zonder HTTPS-proxy ervoor, zoals op je eigen machine" >&2
    echo "Zie docs/deploy.md voor alle variabelen." >&2
    exit 1
fi

if [ -z "${DATABASE_URL:-}" ]; then
    $PY -m wdhs.pgembed start
    DATABASE_URL="$($PY -m wdhs.pgembed url)"
    export DATABASE_URL
fi

# What the migrate service of compose.yaml does, then the static files for whitenoise.
$PY manage.py migrate --noinput
$PY manage.py createcachetable
$PY manage.py load_places
$PY manage.py collectstatic --noinput --verbosity 0

echo "Het portaal draait met productie-instellingen op http://${WDHS_BIND:-127.0.0.1:8000}, de taakverwerker ernaast (stoppen met Ctrl-C)."
# Ctrl-C reaches both; the worker finishes its task first. When gunicorn stops for another reason, the
# worker gets a few seconds, then is stopped.
$PY manage.py db_worker --no-reload &
worker=$!
trap 'for n in 1 2 3 4 5; do kill -0 $worker 2>/dev/null || break; sleep 1; done; kill $worker 2>/dev/null; wait $worker' EXIT
.venv/bin/gunicorn --config python:wdhs.gunicorn_config wdhs.wsgi
