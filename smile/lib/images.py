"""Photos people upload: checked to be real pictures, made smaller, and stripped of metadata.

A phone photo carries where and when it was taken (EXIF GPS); SMILE keeps only the picture. The
result is re-encoded (JPEG, or PNG for pictures with transparency) no larger than MAX_SIDE pixels.
"""

import io
from typing import IO

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 1600
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
Image.MAX_IMAGE_PIXELS = 40_000_000  # refuse decompression bombs early


class NotAPicture(ValueError):
    """The file is not a picture SMILE accepts."""


def clean_picture(upload: IO[bytes], *, size: int | None = None) -> tuple[bytes, str]:
    """Return (bytes, extension) of the cleaned picture, or raise NotAPicture."""
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise NotAPicture("too large")
    try:
        with Image.open(upload) as probe:
            if probe.format not in ALLOWED_FORMATS:
                raise NotAPicture("format")
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as opened:
            image = ImageOps.exif_transpose(opened)
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            has_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
            out = io.BytesIO()
            if has_alpha:
                image.convert("RGBA").save(out, "PNG", optimize=True)
                return out.getvalue(), "png"
            image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
            return out.getvalue(), "jpg"
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise NotAPicture(str(error)) from error
