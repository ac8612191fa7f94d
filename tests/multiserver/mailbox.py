"""A mail backend for the multi-server test: each message a file in WDHS_MULTISERVER_MAILDIR.

The task workers of the test run in processes of their own; a file per delivered message lets the test count
how often each mail went out, whichever worker sent it.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[Any]) -> int:
        folder = Path(os.environ["WDHS_MULTISERVER_MAILDIR"])
        for message in email_messages:
            record = {"to": list(message.to), "subject": message.subject, "body": message.body, "pid": os.getpid()}
            (folder / f"{uuid.uuid4().hex}.json").write_text(json.dumps(record), encoding="utf-8")
        return len(email_messages)
