"""Photos people upload: checked to be real pictures, made smaller, and stripped of metadata.

A phone photo carries where and when it was taken (EXIF GPS); SMILE keeps only the picture. The
result is re-encoded (JPEG, or PNG for pictures with transparency) no larger than MAX_SIDE pixels.

The size in pixels is read from the file's header, before anything is decoded: a small file can
hold a huge picture (a single-colour PNG of 80 megapixels is about 250 KB and takes over 300 MB to
decode), so a picture over MAX_PIXELS is refused without being decoded. A JPEG is decoded at a
reduced scale straight away (`draft`), so even a 50-megapixel photo costs a few tens of MB.
"""

import io
import struct
from typing import IO

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 1600
# Phone cameras save 12 to 50 megapixels (the 200-megapixel sensors save 12.5 by default and
# 50 in their "full resolution" mode); a scan or a screenshot is far less. 50 megapixels lets
# every phone photo through, and bounds what one upload may cost to decode: a JPEG is decoded
# at 1/2 to 1/8 scale (tens of MB), any other format whole, at most 4 bytes a pixel (200 MB).
MAX_PIXELS = 50_000_000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# PIL's own guard (Image.MAX_IMAGE_PIXELS, about 89 megapixels) only warns up to twice its value
# and is global to the process; it stays as PIL sets it, and MAX_PIXELS above is checked first.


class NotAPicture(ValueError):
    """The file is not a picture SMILE accepts."""


class PictureTooLarge(NotAPicture):
    """The file is a picture, but with more pixels than MAX_PIXELS."""


def _check_header(image: Image.Image) -> None:
    """Format and size, as the header says them: nothing is decoded yet."""
    if image.format not in ALLOWED_FORMATS:
        raise NotAPicture("format")
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise PictureTooLarge(f"{width}x{height} pixels")


def _draft_size(width: int, height: int) -> tuple[int, int] | None:
    """The size to decode a JPEG at: twice the final size (so the resize still has pixels to
    average), or None when the photo is no larger than that."""
    ratio = 2 * MAX_SIDE / max(width, height)
    if ratio >= 1:
        return None
    return max(1, int(width * ratio)), max(1, int(height * ratio))


def clean_picture(upload: IO[bytes], *, size: int | None = None) -> tuple[bytes, str]:
    """Return (bytes, extension) of the cleaned picture, or raise NotAPicture (PictureTooLarge
    when it has too many pixels)."""
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise NotAPicture("too many bytes")
    try:
        with Image.open(upload) as probe:  # lazy: reads the header only
            _check_header(probe)
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            _check_header(image)
            if image.format == "JPEG":
                draft = _draft_size(*image.size)
                if draft is not None:
                    image.draft(None, draft)
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            # Turned upright after the resize: the small picture is what gets copied.
            upright = ImageOps.exif_transpose(image)
            has_alpha = upright.mode in ("RGBA", "LA") or "transparency" in upright.info
            out = io.BytesIO()
            if has_alpha:
                upright.convert("RGBA").save(out, "PNG", optimize=True)
                return out.getvalue(), "png"
            upright.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
            return out.getvalue(), "jpg"
    except NotAPicture:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        # PIL's own guard, should it be set lower than MAX_PIXELS (or warnings be errors).
        raise PictureTooLarge(str(error)) from error
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
        IndexError,
        struct.error,
    ) as error:
        # A damaged file makes a decoder raise any of these: it is not a picture we can use.
        raise NotAPicture(str(error)) from error
