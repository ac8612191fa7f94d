"""Every list page names its feed in its head (rel=alternate), and that feed answers."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("page", "kind"),
    [
        ("/kennis/", "application/atom+xml"),
        ("/initiatieven/", "application/atom+xml"),
        ("/financiering/", "application/atom+xml"),
        ("/agenda/", "text/calendar"),
        ("/doelen/", "application/atom+xml"),
    ],
)
def test_every_list_page_announces_a_feed_that_answers(client, page, kind):
    html = client.get(page).content.decode()
    head = html.split("</head>", 1)[0]
    links = re.findall(rf'<link rel="alternate" type="{re.escape(kind)}" title="([^"]+)" href="([^"]+)">', head)
    assert links, page
    for title, href in links:
        assert title.strip()
        response = client.get(href.replace("&amp;", "&"))
        assert response.status_code == 200, href
        assert kind.split(";")[0] in response["Content-Type"]
