"""Checks for uploaded files: the extension and the content must both be one of the allowed types."""

from __future__ import annotations

import io
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
MAX_LOGO_SIZE = 2 * 1024 * 1024
ALLOWED_ATTACHMENTS = ("pdf", "docx", "odt", "xlsx", "ods", "png", "jpg")
ALLOWED_LOGOS = ("png", "jpg", "webp")

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "png": "image/png",
    "jpg": "image/jpeg",
    "webp": "image/webp",
}
# Office files are zip archives; the member that proves which kind of document it is.
OOXML_MARKERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
# Office files are zip archives, and a zip can unpack to a thousand times its size ("zip bomb"). We only
# ever unpack the small `mimetype` member, at most MAX_MARKER_SIZE bytes of it; the archive as a whole must
# also look like a document, for whoever opens it later: not too many members, not too big unpacked, and
# no large member squeezed more than documents ever are (XML packs about 5 to 20 times).
MAX_MARKER_SIZE = 200
MAX_ZIP_MEMBERS = 2000
MAX_UNPACKED_SIZE = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_RATIO_FREE_SIZE = 1024 * 1024  # small members may pack well (a run of spaces); only big ones count
# Images are checked by their header before they are decoded (a 20,000 x 20,000 px PNG of a few KB takes
# 1.6 GB to decode) and stored re-encoded: that drops EXIF (GPS position, camera) and anything appended.
MAX_IMAGE_SIDE = 4000
MAX_IMAGE_PIXELS = 16_000_000
IMAGE_FORMATS = {"png": "PNG", "jpg": "JPEG", "webp": "WEBP"}


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
    head = upload.read(12)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    return None


def _sniff_zip(upload: UploadedFile) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            _check_archive(members)
            names = {member.filename for member in members}
            if "mimetype" in names:
                mimetype = _read_small(archive, archive.getinfo("mimetype")).decode("ascii", "replace").strip()
                for ext in ("odt", "ods"):
                    if mimetype == CONTENT_TYPES[ext]:
                        return ext
                return None
            if "[Content_Types].xml" in names:
                for ext, marker in OOXML_MARKERS.items():
                    if marker in names:
                        return ext
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        NotImplementedError,
        RuntimeError,
        EOFError,
        OSError,
        ValueError,
    ):
        # Damaged, encrypted or otherwise unreadable: not a document we can accept.
        return None
    finally:
        upload.seek(0)
    return None


def _check_archive(members: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip bomb by what the archive declares, before anything is unpacked."""
    unpacked = 0
    for member in members:
        unpacked += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_RATIO_FREE_SIZE and ratio > MAX_COMPRESSION_RATIO:
            raise _archive_error()
    if len(members) > MAX_ZIP_MEMBERS or unpacked > MAX_UNPACKED_SIZE:
        raise _archive_error()


def _read_small(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """A member of at most MAX_MARKER_SIZE bytes; never more is unpacked, whatever its header says."""
    if member.file_size > MAX_MARKER_SIZE:
        raise _archive_error()
    with archive.open(member) as stream:
        data = stream.read(MAX_MARKER_SIZE + 1)
    if len(data) > MAX_MARKER_SIZE:
        raise _archive_error()
    return data


def _archive_error() -> ValidationError:
    return ValidationError(
        "Dit bestand is ingepakt op een manier die we niet vertrouwen: het wordt bij het uitpakken veel te groot "
        "of heeft te veel onderdelen. Sla het document opnieuw op met je tekstverwerker of rekenprogramma en "
        "probeer het nog eens.",
        code="archive",
    )


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
    if ext in IMAGE_FORMATS:
        check_image(upload, ext)
    return CheckedFile(extension=ext, content_type=CONTENT_TYPES[ext])


def _image_error() -> ValidationError:
    return ValidationError(
        "We kunnen deze afbeelding niet lezen. Sla haar opnieuw op met een tekenprogramma en probeer het nog eens.",
        code="image",
    )


def _open_image(file: IO[bytes], ext: str) -> Image.Image:
    """The image with only its header read; refused when it is larger than MAX_IMAGE_SIDE or MAX_IMAGE_PIXELS."""
    too_big = ValidationError(
        f"Deze afbeelding is te groot. Ze mag hoogstens {MAX_IMAGE_SIDE} bij {MAX_IMAGE_SIDE} pixels zijn. "
        "Maak haar kleiner en probeer het nog eens.",
        code="image_size",
    )
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow's own alarm for huge images is a warning below twice its limit: treat it as a refusal.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file, formats=[IMAGE_FORMATS[ext]])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_big from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise _image_error() from None
    width, height = image.size
    if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE or width * height > MAX_IMAGE_PIXELS:
        raise too_big
    return image


def check_image(file: IO[bytes], ext: str) -> None:
    """Refuse an image that is too large or that does not decode, with a Dutch message."""
    try:
        image = _open_image(file, ext)
        try:
            image.load()
        except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError):
            raise _image_error() from None
    finally:
        file.seek(0)


def reencode_image(file: IO[bytes], ext: str) -> ContentFile[bytes]:
    """The image decoded and written anew in the same format, without EXIF, comments or appended data.

    Call it on a file that passed check_image. The orientation the camera noted is applied first, so the
    picture stands as it did.
    """
    try:
        image = ImageOps.exif_transpose(_open_image(file, ext))
        output = io.BytesIO()
        if ext == "jpg":
            if image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            image.save(output, "JPEG", quality=90, optimize=True)
        elif ext == "webp":
            if image.mode not in ("RGB", "RGBA"):
                image = image.convert("RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB")
            image.save(output, "WEBP", quality=90)
        else:
            if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
                image = image.convert("RGBA")
            image.save(output, "PNG", optimize=True)
    except (OSError, ValueError, SyntaxError, EOFError):
        raise _image_error() from None
    finally:
        file.seek(0)
    return ContentFile(output.getvalue(), name=f"afbeelding.{ext}")
