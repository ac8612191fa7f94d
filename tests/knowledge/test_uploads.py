from __future__ import annotations

import io
import tracemalloc
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from knowledge.uploads import ALLOWED_ATTACHMENTS, MAX_ATTACHMENT_SIZE, check_upload

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def image_bytes(fmt: str, size: tuple[int, int] = (8, 6), **save: Any) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 20)).save(buffer, fmt, **save)
    return buffer.getvalue()


PNG = image_bytes("PNG")
JPG = image_bytes("JPEG")


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
ODS = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})


def check(name: str, content: bytes):
    return check_upload(SimpleUploadedFile(name, content), allowed=ALLOWED_ATTACHMENTS, max_size=MAX_ATTACHMENT_SIZE)


@pytest.mark.parametrize(
    ("name", "content", "ext"),
    [
        ("plan.pdf", PDF, "pdf"),
        ("foto.PNG", PNG, "png"),
        ("foto.jpeg", JPG, "jpg"),
        ("brief.docx", DOCX, "docx"),
        ("begroting.xlsx", XLSX, "xlsx"),
        ("brief.odt", ODT, "odt"),
        ("begroting.ods", ODS, "ods"),
    ],
)
def test_allowed_files_pass(name, content, ext):
    assert check(name, content).extension == ext


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("virus.exe", b"MZ\x90\x00"),
        ("pagina.html", b"<script>alert(1)</script>"),
        ("tekening.svg", b"<svg onload=alert(1)>"),
        ("geen-extensie", PDF),
    ],
)
def test_wrong_extension_is_refused_in_dutch(name, content):
    with pytest.raises(ValidationError, match="Dit soort bestand kan niet"):
        check(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("nep.pdf", b"<html><script>alert(1)</script></html>"),
        ("nep.png", JPG),
        ("nep.docx", XLSX),
        ("nep.docx", zip_bytes({"iets.txt": b"x"})),
        ("nep.odt", ODS),
        ("kapot.xlsx", b"PK\x03\x04 kapot"),
    ],
)
def test_content_must_match_extension(name, content):
    with pytest.raises(ValidationError, match="De inhoud van dit bestand past niet"):
        check(name, content)


def test_too_large_file_is_refused():
    big = SimpleUploadedFile("groot.pdf", PDF + b"0" * (MAX_ATTACHMENT_SIZE + 1))
    with pytest.raises(ValidationError, match="te groot"):
        check_upload(big, allowed=ALLOWED_ATTACHMENTS, max_size=MAX_ATTACHMENT_SIZE)


def test_empty_file_is_refused():
    with pytest.raises(ValidationError, match="leeg"):
        check("leeg.pdf", b"")


# Zip bombs (issue #17): an ODT of a few hundred KB that unpacks to hundreds of MB. Before the fix the
# whole `mimetype` member was read into memory (1 MB -> 1,000 MB took the process from 0.8 to 2.4 GB).

MB = 1024 * 1024


def bomb(name: str, megabytes: int, extra: dict[str, bytes] | None = None) -> bytes:
    """A zip with one member of `megabytes` MB of zeros, written in pieces so the test itself stays small."""
    buffer = io.BytesIO()
    zeros = b"\0" * MB
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open(name, "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(zeros)
        for other, data in (extra or {}).items():
            archive.writestr(other, data)
    return buffer.getvalue()


def peak_memory_of(function: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        function()
    except ValidationError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


ODT_BOMB = bomb("mimetype", 300, {"content.xml": b"<x/>"})


def test_odt_zip_bomb_is_refused_in_dutch_without_unpacking_it():
    assert len(ODT_BOMB) < 2 * MB  # small on the way in
    with pytest.raises(ValidationError) as refused:
        check("brief.odt", ODT_BOMB)
    assert "te groot" in refused.value.messages[0]
    # Only a few hundred bytes are unpacked, never the 300 MB: the check stays far below one megabyte.
    assert peak_memory_of(lambda: check("brief.odt", ODT_BOMB)) < 2 * MB


def test_docx_with_an_oversized_member_is_refused():
    docx_bomb = bomb("word/document.xml", 20, {"[Content_Types].xml": b"<Types/>"})
    with pytest.raises(ValidationError, match="uitpakken veel te groot"):
        check("brief.docx", docx_bomb)


def test_archive_with_too_many_members_is_refused():
    members = {"mimetype": b"application/vnd.oasis.opendocument.text"} | {f"x/{n}.xml": b"" for n in range(2001)}
    with pytest.raises(ValidationError, match="te veel onderdelen"):
        check("brief.odt", zip_bytes(members))


def test_a_mimetype_that_lies_about_its_size_is_never_unpacked_past_the_cap():
    """The header says 39 bytes, the data inflates to 50 MB: zipfile stops at the declared size."""
    content = bytearray(bomb("mimetype", 50))
    small = (39).to_bytes(4, "little")
    local = content.index(b"PK\x03\x04")
    central = content.index(b"PK\x01\x02")
    content[local + 22 : local + 26] = small
    content[central + 24 : central + 28] = small
    with pytest.raises(ValidationError):
        check("brief.odt", bytes(content))
    assert peak_memory_of(lambda: check("brief.odt", bytes(content))) < 2 * MB
