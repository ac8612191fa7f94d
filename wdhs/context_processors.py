from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from wdhs.partners import COALITION_PARTNERS


def portal(request: HttpRequest) -> dict[str, Any]:
    """The coalition partners, named in the footer of every page, and the portal's name."""
    return {"coalition_partners": COALITION_PARTNERS, "site_name": settings.WDHS_SITE_NAME}
