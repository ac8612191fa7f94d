"""Lists of the portal for partners' and municipalities' own websites: /embed/initiatieven/, /embed/kennis/ and
/embed/agenda/ in an iframe, and /embed/, where a partner picks the filters and copies the code.

The embeds filter with the same FilterSets as the list pages (initiatives.filters, knowledge.filters,
knowledge.events.filters), so a filter means the same on the partner's site as on the portal. Only these URLs may
be shown in a frame on another site; every other page keeps `frame-ancestors 'none'` and `X-Frame-Options: DENY`.
"""
