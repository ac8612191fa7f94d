"""Opaque keyset cursors: base64 of the last row's id, so the next page is `WHERE id > last ORDER BY id`.

Keyset on the primary key uses its index at any depth; an offset would make page 4,000 read 100,000 rows.
"""

from __future__ import annotations

import base64
import binascii
import json

MAX_CURSOR_LENGTH = 200


class BadCursor(ValueError):
    """The cursor is not one we handed out."""


def encode(last_id: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"na": last_id}).encode()).decode().rstrip("=")


def decode(cursor: str) -> int:
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise BadCursor(cursor)
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw.decode())
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise BadCursor(cursor) from error
    after = value.get("na") if isinstance(value, dict) else None
    if type(after) is not int or not 0 <= after < 2**63:
        raise BadCursor(cursor)
    return after
