import io
import warnings

import pytest
from PIL import Image, ImageFile, JpegImagePlugin

from smile.lib import images
from smile.lib.images import MAX_PIXELS, MAX_SIDE, NotAPicture, PictureTooLarge, clean_picture
from tests.pictures import huge_jpeg, huge_png


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


# --- pictures too large to decode ------------------------------------------------------------


@pytest.fixture
def no_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to decode pixels fails the test: the refusal must come from the header."""

    def refuse(self: ImageFile.ImageFile) -> None:
        raise AssertionError("the picture was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


def test_an_80_megapixel_png_is_refused_from_its_header(no_decoding: None) -> None:
    content = huge_png(10_000, 8_000)
    assert len(content) < 50_000  # a small file: the size in bytes says nothing
    with pytest.raises(PictureTooLarge):
        clean_picture(io.BytesIO(content), size=len(content))


def test_an_80_megapixel_jpeg_is_refused_from_its_header(no_decoding: None) -> None:
    with pytest.raises(PictureTooLarge):
        clean_picture(io.BytesIO(huge_jpeg(10_000, 8_000)))


def test_the_limit_is_50_megapixels() -> None:
    assert MAX_PIXELS == 50_000_000


def test_a_picture_just_over_the_limit_is_refused_and_one_at_it_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(images, "MAX_PIXELS", 1_000)
    data, extension = clean_picture(picture((40, 25), fmt="PNG"))
    assert extension == "jpg"
    with Image.open(io.BytesIO(data)) as result:
        assert result.size == (40, 25)
    with pytest.raises(PictureTooLarge):
        clean_picture(picture((40, 26), fmt="PNG"))


def test_pils_decompression_bomb_error_becomes_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000)
    with pytest.raises(PictureTooLarge):
        clean_picture(picture((100, 100), fmt="PNG"))  # over twice the limit: PIL raises


def test_pils_decompression_bomb_warning_as_an_error_becomes_a_refusal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with pytest.raises(PictureTooLarge):
            clean_picture(picture((40, 40), fmt="PNG"))  # between once and twice: PIL warns


def test_a_large_jpeg_is_decoded_at_a_reduced_scale(monkeypatch: pytest.MonkeyPatch) -> None:
    drafts: list[tuple[int, int]] = []
    original = JpegImagePlugin.JpegImageFile.draft

    def spy(self: JpegImagePlugin.JpegImageFile, mode: str | None, size: tuple[int, int] | None):
        result = original(self, mode, size)
        drafts.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    data, extension = clean_picture(picture((8000, 6000)))
    # 8000 × 6000 read at half scale (4000 × 3000 is the first not under 3200 × 2400) …
    assert drafts[0] == (4000, 3000)
    # … and made 1600 × 1200 from there.
    with Image.open(io.BytesIO(data)) as result:
        assert (extension, result.size) == ("jpg", (1600, 1200))


def test_a_damaged_png_is_refused_not_raised() -> None:
    content = bytearray(huge_png(100, 100))
    content[-20:-12] = b"\xff" * 8  # the end of the compressed data spoiled
    with pytest.raises(NotAPicture):
        clean_picture(io.BytesIO(bytes(content)))
