from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from knowledge.uploads import ALLOWED_ATTACHMENTS, MAX_ATTACHMENT_SIZE, check_upload

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


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
