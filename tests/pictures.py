"""Pictures for upload tests, made in memory and cheaply: a huge picture in a small file."""

import io
import struct
import zlib

from PIL import Image


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def huge_png(width: int = 10_000, height: int = 8_000, *, rgb: bool = False) -> bytes:
    """A valid PNG of width × height pixels, all black: 1 bit a pixel, or 24 with `rgb`.

    Written by hand, row by row, so the test never holds the picture itself: 80 megapixels make
    a file of 10 KB (or, in colour, 240 KB: the upload that took the server to 800 MB)."""
    if rgb:
        header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits, RGB
        row = b"\x00" * (1 + 3 * width)  # filter "none", then the pixels
    else:
        header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit, grey
        row = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


def huge_jpeg(width: int = 10_000, height: int = 8_000) -> bytes:
    """A small JPEG whose header claims width × height pixels (the body is that of 16 × 16)."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (90, 90, 90)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")  # start of frame: length, precision, height, width
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)
