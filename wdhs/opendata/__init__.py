"""Open data (/open-data/): every dataset of the portal with its formats, licence, fields and last change.

It composes the apps (as wdhs.urls and wdhs.views do): the downloads of knowledge, organisations, funding schemes,
events and goal indicators, and a DCAT-AP-NL catalogue (JSON-LD) that the national open-data portal can harvest.
No app imports it.
"""
