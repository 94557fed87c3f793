"""Files sent with a concern: only pictures and PDFs, checked by their content, kept encrypted.

The name and the browser's content type are the sender's to choose, so neither is believed: a
picture must open as one (smile.lib.images, which also refuses a picture with too many pixels and
re-encodes it without its metadata, such as where a photo was taken), a PDF must begin with the
PDF signature. Nothing is stored before the file passed. The stored file is the content encrypted
with the field keys (smile.lib.crypto), so a copy of the media folder shows nothing.
"""

import base64
import uuid
from dataclasses import dataclass
from typing import IO

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from smile.lib.crypto import decrypt_json, encrypt_json
from smile.lib.images import MAX_PIXELS, NotAPicture, PictureTooLarge, clean_picture

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
PDF_SIGNATURE = b"%PDF-"
# The first bytes of the picture formats clean_picture accepts (it then proves the rest).
PICTURE_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"RIFF")
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}


class AttachmentRefused(ValueError):
    """The file is not one SMILE keeps; `message` says why, in the sender's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CleanFile:
    data: bytes
    content_type: str
    extension: str


def _head(upload: IO[bytes], count: int) -> bytes:
    upload.seek(0)
    head = upload.read(count)
    upload.seek(0)
    return head


def clean_attachment(upload: IO[bytes], *, size: int | None) -> CleanFile:
    """The file as SMILE keeps it, or AttachmentRefused with a message for the sender."""
    if size is not None and size > MAX_ATTACHMENT_BYTES:
        raise AttachmentRefused(
            _("The file is too large. Send a file under %(count)d MB.")
            % {"count": MAX_ATTACHMENT_BYTES // (1024 * 1024)}
        )
    head = _head(upload, 16)
    if head.startswith(PDF_SIGNATURE):
        data = upload.read(MAX_ATTACHMENT_BYTES + 1)
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise AttachmentRefused(
                _("The file is too large. Send a file under %(count)d MB.")
                % {"count": MAX_ATTACHMENT_BYTES // (1024 * 1024)}
            )
        return CleanFile(data=data, content_type=CONTENT_TYPES["pdf"], extension="pdf")
    if head.startswith(PICTURE_SIGNATURES):
        try:
            data, extension = clean_picture(upload, size=size)
        except PictureTooLarge:
            raise AttachmentRefused(
                _(
                    "This picture is too large: it has more than %(count)d million pixels. "
                    "Make the picture smaller and send it again."
                )
                % {"count": MAX_PIXELS // 1_000_000}
            ) from None
        except NotAPicture:
            pass
        else:
            return CleanFile(data=data, content_type=CONTENT_TYPES[extension], extension=extension)
    raise AttachmentRefused(
        _("This kind of file cannot be sent. Send a photo (JPEG or PNG) or a PDF.")
    )


def sealed(clean: CleanFile) -> ContentFile[bytes]:
    """The encrypted file to store, under a random name that says nothing."""
    token = encrypt_json({"data": base64.b64encode(clean.data).decode("ascii")})
    return ContentFile(token.encode("ascii"), name=f"{uuid.uuid4().hex}.bin")


def opened(stored: bytes) -> bytes:
    """The file's content back from what `sealed` stored."""
    found = decrypt_json(stored.decode("ascii"))
    return base64.b64decode(found["data"])
