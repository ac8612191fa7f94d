"""Small real files for upload tests: an OpenDocument text that LibreOffice, Word and our upload check accept."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from PIL import Image

from knowledge.uploads import CONTENT_TYPES

ODT_MIMETYPE = CONTENT_TYPES["odt"]


def odt_document(lines: list[str]) -> bytes:
    """A minimal OpenDocument text file with one paragraph per line."""
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in lines)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{paragraphs}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODT_MIMETYPE}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # The mimetype entry comes first and uncompressed, as the OpenDocument standard asks.
        archive.writestr(zipfile.ZipInfo("mimetype"), ODT_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def png_image(width: int = 2, height: int = 2) -> bytes:
    """A small real PNG (uploads are decoded and re-encoded, so a picture must be one)."""
    output = io.BytesIO()
    Image.new("RGB", (width, height), (20, 120, 60)).save(output, "PNG")
    return output.getvalue()
