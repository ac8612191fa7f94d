"""A form is handled once, however often it is sent: a double click, the browser's "resend", two tabs.

Every rendered form gets its own key, a random value signed by the server, in a hidden field. Sending it
stores a `FormSubmission` row with that key (unique) in the same transaction as what the form makes, with
the address of the result page. The same key sent again (at the same moment it waits on the unique index
until the first commits) makes nothing new: the visitor goes to the first result. When the work fails or
the input is wrong, the row rolls back with it and the same form can be sent again.

A post without a key (a client that never loaded the form) is handled as before, without this guard; a
key that was not made here gives a Dutch message and a 400, with a new key in the form.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core import signing
from django.db import IntegrityError, transaction

from wdhs.models import FormSubmission

KEY_FIELD = "form_key"
KEY_MAX_LENGTH = 200
BAD_KEY = "Dit formulier kwam niet goed bij ons aan. Kijk je gegevens na en verstuur het nog een keer."
ALREADY_SENT = "Je had dit formulier al verstuurd. We hebben het één keer ontvangen en één keer bewaard."

_signer = signing.Signer(salt="wdhs.forms.once")


def new_key() -> str:
    """A fresh signed key for one rendered form."""
    return _signer.sign(uuid.uuid4().hex)


class SubmitOnceMixin(forms.BaseForm):
    """Gives a form the hidden key field; use it with `submit_once` in the view."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A callable initial: a new key each time an unbound form is rendered; a bound one keeps what was sent.
        self.fields[KEY_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput, initial=new_key)

    def clean_form_key(self) -> str:
        if self.cleaned_data.get(KEY_FIELD) and self.posted_key() is None:
            # Shown in the error summary (a hidden field has no place of its own); the form gets a new key.
            self.fields[KEY_FIELD].disabled = True
            self.add_error(None, forms.ValidationError(BAD_KEY, code="form_key"))
        return ""

    def posted_key(self) -> str | None:
        """The key this form was sent with, if it is one of ours; read before the form is checked."""
        token = self.data.get(self.add_prefix(KEY_FIELD))
        if not isinstance(token, str) or not token or len(token) > KEY_MAX_LENGTH:
            return None
        try:
            return _signer.unsign(token)
        except signing.BadSignature:
            return None


@dataclass(frozen=True)
class Submission:
    url: str  # the result page; empty if an earlier sending's row is gone already (kept for a week)
    repeated: bool  # True: this key was sent before and nothing new was made


def sent_before(form: SubmitOnceMixin) -> Submission | None:
    """The earlier sending of this very form, if it was committed already (a plain look-up, no lock).

    For checks that should not count a form sent again, like a rate limit; `submit_once` decides for certain.
    """
    key = form.posted_key()
    if key is None:
        return None
    earlier = FormSubmission.objects.filter(key=key).values_list("result_url", flat=True).first()
    return None if earlier is None else Submission(earlier, repeated=True)


def submit_once(form: SubmitOnceMixin, *, name: str, save: Callable[[], str]) -> Submission | None:
    """Check the form and run `save` (the work; it returns the URL of the result page) once per key.

    Returns None when the form has errors (nothing is saved, the key stays free). `name` says which form it
    was, for the admin and for cleaning up. The key is claimed before the form is checked: a second sending
    waits until the first commits and then goes to its result, instead of being checked against what the
    first one made (an initiative "with nearly the same name", for instance). An exception from `save`
    rolls the claim back with the work.
    """
    key = form.posted_key()
    with transaction.atomic():
        if key is not None:
            try:
                with transaction.atomic():
                    FormSubmission.objects.create(key=key, form=name[:100])
            except IntegrityError:
                earlier = FormSubmission.objects.filter(key=key).values_list("result_url", flat=True).first()
                return Submission(earlier or "", repeated=True)
        if not form.is_valid():
            transaction.set_rollback(True)
            return None
        url = save()
        if key is not None:
            FormSubmission.objects.filter(key=key).update(result_url=url[:500])
    return Submission(url, repeated=False)
