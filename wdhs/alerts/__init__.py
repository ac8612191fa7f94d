"""E-mail alerts: anyone subscribes at /meldingen/ to what is new, by theme and region, as a daily or weekly digest.

- `sources`: the register of kinds of content (new knowledge, initiatives, schemes, events); the apps register
  theirs from their `AppConfig.ready()`, so this package imports no app (like wdhs.feedback).
- `models`: a subscription (the e-mail address is personal data, see `personal_data`) and the items it was sent.
- `services`: subscribe, confirm (double opt-in for visitors without a verified account), unsubscribe.
- `digest` and `tasks`: the daily job that builds and queues the digests, one transaction per subscription,
  so an interrupted run that is started again never sends an item twice.
"""
