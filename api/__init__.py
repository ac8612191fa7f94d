"""The read-only open-data API (/api/v1/): composes the apps, like wdhs/urls.py; no app imports it."""
