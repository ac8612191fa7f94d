#!/bin/sh
# The scheduler of compose.yaml: what the README's cron line does, without cron (which wants root in a
# container). At five past every hour it queues the recurring jobs; the task workers do them. A failed run
# (database away) is logged and the next hour tries again. Running two schedulers is harmless: a daily job
# does its work once a day however often it is queued (wdhs/jobs.py).
set -u
while true; do
    now=$(date +%s)
    # Seconds until the next hh:05 (the Netherlands is a whole number of hours from UTC).
    sleep $(( 3600 - (now - 300) % 3600 ))
    python manage.py enqueue_periodic_jobs || echo "enqueue_periodic_jobs mislukt; over een uur opnieuw." >&2
done
