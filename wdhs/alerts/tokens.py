"""The links in alert mails carry the subscription's key signed, one salt per purpose.

A changed or made-up link fails on the signature before any database read; the confirmation link also
expires (CONFIRM_WITHIN). The unsubscribe link never expires: an old mail must always let someone stop.
"""

from __future__ import annotations

from django.core import signing

from wdhs.alerts.models import CONFIRM_WITHIN

_confirm = signing.TimestampSigner(salt="wdhs.alerts.confirm")
_unsubscribe = signing.Signer(salt="wdhs.alerts.unsubscribe")
MAX_LENGTH = 200  # longer is never one of ours


def confirm_token(key: str) -> str:
    return _confirm.sign(key)


def unsubscribe_token(key: str) -> str:
    return _unsubscribe.sign(key)


def confirmed_key(token: str) -> str | None:
    """The subscription key in a confirmation link, or None when the link is wrong or too old."""
    if len(token) > MAX_LENGTH:
        return None
    try:
        return _confirm.unsign(token, max_age=CONFIRM_WITHIN)
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None


def unsubscribe_key(token: str) -> str | None:
    if len(token) > MAX_LENGTH:
        return None
    try:
        return _unsubscribe.unsign(token)
    except signing.BadSignature:
        return None
