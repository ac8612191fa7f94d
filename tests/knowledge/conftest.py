from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):  # noqa: ANN001, ANN202
    # Uploads and demo files of a test land in a temporary folder, never in the project's media/.
    settings.MEDIA_ROOT = tmp_path / "media"
