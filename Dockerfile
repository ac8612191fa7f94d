# The portal's image: `docker compose up` (compose.yaml) or `docker build -t wdhs .`; see docs/deploy.md.
# Two stages: the builder installs the dependencies from uv.lock and collects the static files; the runtime
# stage gets only the result, runs as a user without rights and has no uv, pip cache or build tools.
ARG PYTHON_VERSION=3.12
# The major version of the db service in compose.yaml: `manage.py backup` needs a pg_dump at least that new.
ARG POSTGRES_MAJOR=17

FROM python:${PYTHON_VERSION}-slim-bookworm AS builder
# The same uv as the Makefile's, from PyPI.
RUN pip install --no-cache-dir --disable-pip-version-check "uv==0.13.9"
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv
WORKDIR /app
# The dependencies first, in their own layer: a change of code alone does not reinstall them.
COPY pyproject.toml uv.lock ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --python /usr/local/bin/python
COPY . .
# The settings need these to load; collectstatic connects to no database and the key is thrown away.
RUN DJANGO_ENV=production DJANGO_SECRET_KEY=collectstatic-only DATABASE_URL=postgres://build@localhost/build \
    /app/.venv/bin/python manage.py collectstatic --noinput --verbosity 0

FROM python:${PYTHON_VERSION}-slim-bookworm AS runtime
ARG POSTGRES_MAJOR
# pg_dump and pg_restore for `manage.py backup` and `restore` (wdhs/backup.py), from PostgreSQL's own Debian
# repository (Debian bookworm itself has only version 15, which cannot dump a newer server).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-common \
    && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
    && apt-get install -y --no-install-recommends "postgresql-client-${POSTGRES_MAJOR}" \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 wdhs \
    && useradd --system --uid 10001 --gid wdhs --home-dir /app --no-create-home --shell /usr/sbin/nologin wdhs
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_ENV=production \
    WDHS_BIND=0.0.0.0:8000 \
    WDHS_MEDIA_ROOT=/app/media
WORKDIR /app
# Code and packages belong to root and cannot be changed by the portal; only media/ (uploads) is its own.
COPY --from=builder /app /app
RUN mkdir -p /app/media && chown wdhs:wdhs /app/media
# By number, not name: a runtime that only allows non-root users (Kubernetes runAsNonRoot) can check a
# number without reading the image's /etc/passwd (hadolint DL3066).
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=6s --start-period=30s --retries=3 CMD ["python", "-m", "wdhs.healthcheck"]
# The web server; the task worker, the scheduler and the migrations run the same image with another command.
CMD ["gunicorn", "--config", "python:wdhs.gunicorn_config", "wdhs.wsgi"]
