"""Reads the whole sitemap as a search engine does: the index at /sitemap.xml, then every file it lists."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

LOC = re.compile(r"<loc>([^<]+)</loc>")


def sitemap_urls(client) -> list[str]:
    """Every page URL in the sitemap, read through the index (asserts each file answers 200)."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    body = index.content.decode()
    assert "<sitemapindex" in body
    urls: list[str] = []
    for file_url in LOC.findall(body):
        parts = urlsplit(file_url.replace("&amp;", "&"))
        response = client.get(parts.path, query_string=parts.query)
        assert response.status_code == 200, file_url
        urls.extend(LOC.findall(response.content.decode()))
    return urls


def sitemap_text(client) -> str:
    return "\n".join(sitemap_urls(client))
