import io

import pytest
from PIL import Image

from smile.lib.images import MAX_SIDE, NotAPicture, clean_picture


def picture(size: tuple[int, int], *, mode: str = "RGB", fmt: str = "JPEG", exif: bool = False):
    image = Image.new(mode, size, (200, 100, 50) if mode == "RGB" else (200, 100, 50, 128))
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "PhoneMaker"  # Make
        image.save(out, fmt, exif=data.tobytes())
    else:
        image.save(out, fmt)
    out.seek(0)
    return out


def test_a_large_photo_is_made_smaller_and_loses_its_metadata() -> None:
    data, extension = clean_picture(picture((4000, 3000), exif=True))
    assert extension == "jpg"
    with Image.open(io.BytesIO(data)) as result:
        assert max(result.size) == MAX_SIDE
        assert result.size == (MAX_SIDE, 1200)
        assert not result.getexif()


def test_a_picture_with_transparency_stays_a_png() -> None:
    data, extension = clean_picture(picture((50, 40), mode="RGBA", fmt="PNG"))
    assert extension == "png"
    with Image.open(io.BytesIO(data)) as result:
        assert result.size == (50, 40) and result.mode == "RGBA"


@pytest.mark.parametrize(
    "content", [b"", b"not a picture at all", b"%PDF-1.4 fake", b"\x89PNG\r\n\x1a\n broken"]
)
def test_what_is_not_a_picture_is_refused(content: bytes) -> None:
    with pytest.raises(NotAPicture):
        clean_picture(io.BytesIO(content))


def test_a_file_over_the_limit_is_refused_before_reading() -> None:
    with pytest.raises(NotAPicture):
        clean_picture(io.BytesIO(b""), size=11 * 1024 * 1024)
