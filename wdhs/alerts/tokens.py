"""The links in alert mails carry the subscription's key signed, one salt per purpose.

A changed or made-up link fails on the signature before any database read; the confirmation link also
expires (CONFIRM_WITHIN). The unsubscribe link never expires: an old mail must always let someone stop.
The link to change an alert ("Wijzig deze melding", in every digest) expires after EDIT_WITHIN: every new
digest brings a fresh one, and a mail that was forwarded long ago should not keep changing what someone gets.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing

from wdhs.alerts.models import CONFIRM_WITHIN

_confirm = signing.TimestampSigner(salt="wdhs.alerts.confirm")
_unsubscribe = signing.Signer(salt="wdhs.alerts.unsubscribe")
_edit = signing.TimestampSigner(salt="wdhs.alerts.edit")
EDIT_WITHIN = timedelta(days=90)
MAX_LENGTH = 200  # longer is never one of ours


def confirm_token(key: str) -> str:
    return _confirm.sign(key)


def unsubscribe_token(key: str) -> str:
    return _unsubscribe.sign(key)


def edit_token(key: str) -> str:
    return _edit.sign(key)


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


def edit_key(token: str) -> str | None:
    """The subscription key in a link to change an alert, or None when the link is wrong or too old."""
    if len(token) > MAX_LENGTH:
        return None
    try:
        return _edit.unsign(token, max_age=EDIT_WITHIN)
    except signing.BadSignature:
        return None
