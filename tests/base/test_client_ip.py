"""Rate limits count per visitor, also behind a proxy, and a visitor cannot pick their own address."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse

from initiatives.models import ProblemReport
from tests.factories import InitiativeFactory
from wdhs.adapters import AccountAdapter
from wdhs.forms.public import RATE_LIMIT
from wdhs.ratelimit import client_ip, parse_ip

PROXY = "10.0.0.2"
TRUSTED = ["10.0.0.0/24", "2001:db8:ffff::/48"]


def address(remote_addr: str, forwarded: str | None = None) -> str:
    request = RequestFactory().get("/")
    request.META["REMOTE_ADDR"] = remote_addr
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(request)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert address("198.51.100.9", "203.0.113.7") == "198.51.100.9"


def test_a_spoofed_header_from_an_untrusted_peer_is_ignored(settings):
    settings.TRUSTED_PROXIES = TRUSTED
    assert address("198.51.100.9", "203.0.113.7") == "198.51.100.9"
    assert address("198.51.100.9", "10.0.0.3") == "198.51.100.9"


def test_behind_a_trusted_proxy_the_forwarded_address_counts(settings):
    settings.TRUSTED_PROXIES = TRUSTED
    assert address(PROXY, "203.0.113.7") == "203.0.113.7"


def test_the_right_most_untrusted_address_counts_not_what_the_visitor_wrote_first(settings):
    settings.TRUSTED_PROXIES = TRUSTED
    # The visitor sent "X-Forwarded-For: 192.0.2.66"; our proxy appended the address it saw.
    assert address(PROXY, "192.0.2.66, 203.0.113.7") == "203.0.113.7"
    # Two proxies of our own in a row (load balancer, then nginx): both are skipped.
    assert address(PROXY, "192.0.2.66, 203.0.113.7, 10.0.0.9") == "203.0.113.7"


def test_only_trusted_hops_gives_the_left_most_of_them(settings):
    settings.TRUSTED_PROXIES = TRUSTED
    assert address(PROXY, "10.0.0.7, 10.0.0.9") == "10.0.0.7"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("", PROXY),
        ("   ", PROXY),
        (",,,", PROXY),
        ("onzin", PROXY),
        ("203.0.113.7, <script>", PROXY),
        ("<script>, 203.0.113.7", "203.0.113.7"),
        ("203.0.113.7, 10.0.0.9, 999.1.1.1", PROXY),
        ("9" * 5000, PROXY),
        (", ".join(["198.51.100.1"] * 5000), "198.51.100.1"),
        ("203.0.113.7:4711", "203.0.113.7"),
        ("[2001:db8::7]:443", "2001:db8::7"),
        ("2001:DB8:0::7", "2001:db8::7"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
    ],
    ids=[
        "empty",
        "blank",
        "commas",
        "word",
        "garbage-right",
        "garbage-left",
        "bad-ip-right",
        "huge",
        "many-hops",
        "port",
        "ipv6-port",
        "ipv6-normalised",
        "ipv4-mapped",
    ],
)
def test_a_malformed_header_falls_back_to_the_last_trusted_address(settings, forwarded, expected):
    settings.TRUSTED_PROXIES = TRUSTED
    assert address(PROXY, forwarded) == expected


def test_an_ipv6_proxy_network_is_trusted(settings):
    settings.TRUSTED_PROXIES = TRUSTED
    assert address("2001:db8:ffff::5", "2001:db8:1::9") == "2001:db8:1::9"
    assert address("2001:db8:eeee::5", "2001:db8:1::9") == "2001:db8:eeee::5"


def test_a_missing_or_odd_peer_address_is_one_bucket(settings):
    settings.TRUSTED_PROXIES = TRUSTED
    request = RequestFactory().get("/")
    del request.META["REMOTE_ADDR"]
    assert client_ip(request) == "onbekend"
    assert address("unix:/run/gunicorn.sock", "203.0.113.7") == "onbekend"


def test_parse_ip_refuses_what_is_no_address():
    assert parse_ip("203.0.113.7") is not None
    for value in ("", "localhost", "1.2.3", "203.0.113.7:port:x", "[::1", "x" * 100):
        assert parse_ip(value) is None


def test_allauth_counts_log_ins_per_visitor_behind_the_proxy_too(settings):
    settings.TRUSTED_PROXIES = TRUSTED
    request = RequestFactory().post("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert AccountAdapter(request).get_client_ip(request) == "203.0.113.7"


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_cache")
class TestRateLimitBehindAProxy:
    def report(self, client, slug: str, *, remote_addr: str, forwarded: str) -> int:
        url = reverse("initiatives:report", args=[slug])
        response = client.post(url, {"reason": "anders"}, REMOTE_ADDR=remote_addr, HTTP_X_FORWARDED_FOR=forwarded)
        return response.status_code

    def test_two_visitors_behind_the_proxy_have_separate_limits(self, client, settings):
        settings.TRUSTED_PROXIES = TRUSTED
        slug = InitiativeFactory().slug
        statuses = [self.report(client, slug, remote_addr=PROXY, forwarded="203.0.113.7") for _ in range(RATE_LIMIT)]
        assert statuses == [302] * RATE_LIMIT
        assert self.report(client, slug, remote_addr=PROXY, forwarded="203.0.113.7") == 429
        assert self.report(client, slug, remote_addr=PROXY, forwarded="203.0.113.8") == 302
        assert ProblemReport.objects.count() == RATE_LIMIT + 1

    def test_a_visitor_cannot_escape_the_limit_by_changing_the_header(self, client, settings):
        settings.TRUSTED_PROXIES = TRUSTED
        slug = InitiativeFactory().slug
        statuses = [
            self.report(client, slug, remote_addr="198.51.100.9", forwarded=f"203.0.113.{n}")
            for n in range(RATE_LIMIT + 2)
        ]
        assert statuses == [302] * RATE_LIMIT + [429, 429]

    def test_a_malformed_header_behind_the_proxy_is_no_error(self, client, settings):
        settings.TRUSTED_PROXIES = TRUSTED
        slug = InitiativeFactory().slug
        assert self.report(client, slug, remote_addr=PROXY, forwarded="nonsens, \x00, []") == 302
