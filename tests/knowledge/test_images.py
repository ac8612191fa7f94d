"""Uploaded images (organisation logos, image attachments), issue #17: huge dimensions are refused before
anything is decoded, what is stored is re-encoded (no EXIF/GPS, nothing appended), and a logo that is
replaced or whose organisation is deleted leaves no file behind."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image

from knowledge.models import Attachment, Organisation
from knowledge.uploads import ALLOWED_LOGOS, MAX_LOGO_SIZE, check_upload
from tests.factories import MembershipFactory, ResourceFactory
from tests.knowledge.test_editor import form_data
from tests.knowledge.test_uploads import image_bytes

pytestmark = pytest.mark.django_db


def png_header_only(width: int, height: int) -> bytes:
    """A valid-looking PNG of width x height that is only a few dozen bytes: Pillow reads the size from IHDR."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


def photo_with_gps() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Telefoon"
    exif[ExifTags.Base.Orientation] = 1
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (52.0, 5.0, 30.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (5.0, 7.0, 12.0),
    }
    photo = image_bytes("JPEG", (40, 30), exif=exif)
    assert Image.open(io.BytesIO(photo)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test photo has a position
    return photo + b"<script>alert('polyglot')</script>"


def check_logo(content: bytes) -> None:
    check_upload(SimpleUploadedFile("logo.png", content), allowed=ALLOWED_LOGOS, max_size=MAX_LOGO_SIZE)


@pytest.fixture
def editor():
    membership = MembershipFactory(can_publish=True)
    return membership.user, membership.organisation


def post_logo(client, organisation: Organisation, content: bytes, name: str = "logo.png"):
    url = reverse("knowledge:editor_organisation_edit", args=[organisation.slug])
    return client.post(url, {"description": "Over ons.", "logo": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize(("width", "height"), [(20_000, 20_000), (4001, 10), (10, 5000)])
def test_images_larger_than_4000_px_a_side_are_refused_before_decoding(width, height):
    with pytest.raises(ValidationError, match="hoogstens 4000 bij 4000 pixels"):
        check_logo(png_header_only(width, height))


def test_a_huge_logo_is_refused_in_the_editor_with_a_dutch_400(client, editor):
    user, organisation = editor
    client.force_login(user)
    response = post_logo(client, organisation, png_header_only(20_000, 20_000))
    assert response.status_code == 400
    assert "Deze afbeelding is te groot" in response.content.decode()
    organisation.refresh_from_db()
    assert not organisation.logo


def test_a_broken_image_is_refused_in_dutch():
    with pytest.raises(ValidationError, match="We kunnen deze afbeelding niet lezen"):
        check_logo(image_bytes("PNG")[:50])


def test_logo_is_stored_re_encoded_without_exif_gps_or_appended_data(client, editor):
    user, organisation = editor
    client.force_login(user)
    assert post_logo(client, organisation, photo_with_gps(), name="foto.jpg").status_code == 302
    organisation.refresh_from_db()
    with organisation.logo.open("rb") as stored:
        data = stored.read()
    assert b"Exif" not in data and b"polyglot" not in data and b"Telefoon" not in data
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.size == (40, 30)
    assert not image.getexif()


def test_image_attachment_is_stored_without_gps(client, editor):
    user, organisation = editor
    client.force_login(user)
    data = form_data(organisation, attachment=SimpleUploadedFile("kaart.jpg", photo_with_gps()))
    assert client.post(reverse("knowledge:editor_resource_create"), data).status_code == 302
    attachment = Attachment.objects.get()
    with attachment.file.open("rb") as stored:
        content = stored.read()
    assert b"Exif" not in content and b"polyglot" not in content
    assert attachment.size == len(content)


def test_replaced_logo_is_removed_from_storage(client, editor, django_capture_on_commit_callbacks):
    user, organisation = editor
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        assert post_logo(client, organisation, image_bytes("PNG")).status_code == 302
    organisation.refresh_from_db()
    first = organisation.logo.name
    assert default_storage.exists(first)
    with django_capture_on_commit_callbacks(execute=True):
        assert post_logo(client, organisation, image_bytes("PNG", (9, 9))).status_code == 302
    organisation.refresh_from_db()
    assert organisation.logo.name != first
    assert default_storage.exists(organisation.logo.name)
    assert not default_storage.exists(first)


def test_deleted_organisation_and_attachment_leave_no_file(django_capture_on_commit_callbacks):
    organisation = MembershipFactory().organisation
    with django_capture_on_commit_callbacks(execute=True):
        organisation.logo = SimpleUploadedFile("logo.png", image_bytes("PNG"))
        organisation.save()
    logo = str(organisation.logo.name)
    resource = ResourceFactory(organisation=organisation)
    attachment = Attachment.objects.create(
        resource=resource, file=SimpleUploadedFile("a.pdf", b"%PDF-1.7"), original_name="a.pdf",
        content_type="application/pdf", size=8,
    )  # fmt: skip
    file = str(attachment.file.name)
    assert default_storage.exists(logo) and default_storage.exists(file)
    with django_capture_on_commit_callbacks(execute=True):
        resource.delete()  # its attachments go with it
        organisation.delete()
    assert not default_storage.exists(logo)
    assert not default_storage.exists(file)


def test_a_rolled_back_replacement_keeps_the_old_logo(django_capture_on_commit_callbacks):
    organisation = MembershipFactory().organisation
    with django_capture_on_commit_callbacks(execute=True):
        organisation.logo = SimpleUploadedFile("logo.png", image_bytes("PNG"))
        organisation.save()
    first = organisation.logo.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        organisation.logo = SimpleUploadedFile("nieuw.png", image_bytes("PNG", (9, 9)))
        organisation.save()
    assert callbacks  # the old file is deleted only when the change commits
    assert default_storage.exists(first)


def test_webp_logo_is_accepted_re_encoded_and_served_as_webp(client, editor):
    user, organisation = editor
    client.force_login(user)
    exif = Image.Exif()
    exif[ExifTags.IFD.GPSInfo] = {ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (52.0, 5.0, 30.0)}
    webp = image_bytes("WEBP", (20, 10), exif=exif)
    assert Image.open(io.BytesIO(webp)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert post_logo(client, organisation, webp, name="logo.webp").status_code == 302
    organisation.refresh_from_db()
    with organisation.logo.open("rb") as stored:
        data = stored.read()
    assert b"EXIF" not in data
    stored_image = Image.open(io.BytesIO(data))
    assert stored_image.format == "WEBP" and not stored_image.getexif()
    response = client.get(organisation.logo_url)
    assert response["Content-Type"] == "image/webp"
