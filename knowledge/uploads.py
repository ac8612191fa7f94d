"""Checks for uploaded files: the extension and the content must both be one of the allowed types."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
MAX_LOGO_SIZE = 2 * 1024 * 1024
ALLOWED_ATTACHMENTS = ("pdf", "docx", "odt", "xlsx", "ods", "png", "jpg")
ALLOWED_LOGOS = ("png", "jpg")

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "png": "image/png",
    "jpg": "image/jpeg",
}
# Office files are zip archives; the member that proves which kind of document it is.
OOXML_MARKERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


@dataclass(frozen=True)
class CheckedFile:
    extension: str
    content_type: str


def _extension(name: str | None) -> str:
    ext = PurePosixPath(name or "").suffix.lower().lstrip(".")
    return "jpg" if ext == "jpeg" else ext


def _sniff(upload: UploadedFile) -> str | None:
    """The file type its bytes show, or None when it is none of the allowed ones."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    return None


def _sniff_zip(upload: UploadedFile) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                for ext in ("odt", "ods"):
                    if mimetype == CONTENT_TYPES[ext]:
                        return ext
                return None
            if "[Content_Types].xml" in names:
                for ext, marker in OOXML_MARKERS.items():
                    if marker in names:
                        return ext
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    return None


def check_upload(upload: UploadedFile, *, allowed: tuple[str, ...], max_size: int) -> CheckedFile:
    """Raise a Dutch ValidationError unless the file is small enough and really is what its name says."""
    kinds = ", ".join(ext.upper() for ext in allowed)
    if upload.size is not None and upload.size > max_size:
        raise ValidationError(
            f"Dit bestand is te groot. Het mag hoogstens {max_size // (1024 * 1024)} MB zijn.", code="too_large"
        )
    if upload.size == 0:
        raise ValidationError("Dit bestand is leeg. Kies een ander bestand.", code="empty")
    ext = _extension(upload.name)
    if ext not in allowed:
        raise ValidationError(f"Dit soort bestand kan niet. Kies een bestand van het type {kinds}.", code="type")
    if _sniff(upload) != ext:
        raise ValidationError(
            f"De inhoud van dit bestand past niet bij de naam (.{ext}). Sla het opnieuw op als {ext.upper()} "
            "en probeer het nog eens.",
            code="content",
        )
    return CheckedFile(extension=ext, content_type=CONTENT_TYPES[ext])
