"""Peak memory (RSS) of cleaning one uploaded picture, as `smile.lib.images.clean_picture` does it.

    .venv/bin/python bench/bench_upload.py [--images-file path/to/images.py]

Each picture is written to a temporary folder first; then a fresh Python process per picture
imports the images module, reads the file and cleans it once, and reports its resident memory
before the call and at the peak of the call (VmRSS, then VmHWM reset just before the call), and
the time the call took. `--images-file` runs another version of the module (for example the one
before a change, from `git show`), so the two can be compared on the same pictures.

The pictures: the reported upload (a single-colour RGB PNG of 10,000 × 8,000 pixels, 233 KB), the
largest PNG SMILE accepts (50 megapixels), a JPEG that claims 80 megapixels in its header, and two
phone photos as JPEG: 12 megapixels (4,000 × 3,000) and 48 megapixels (8,000 × 6,000).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CASES = [
    ("png-80mpx-reported", "80 Mpx RGB PNG, single colour (the reported upload)"),
    ("png-50mpx", "50 Mpx RGB PNG, single colour (the largest accepted)"),
    ("jpeg-80mpx-header", "JPEG whose header says 80 Mpx"),
    ("jpeg-12mpx", "12 Mpx phone photo (JPEG 4000 × 3000)"),
    ("jpeg-48mpx", "48 Mpx phone photo (JPEG 8000 × 6000)"),
]


def _photo(width: int, height: int) -> bytes:
    """A JPEG with some texture, so that it compresses like a photo and not like a flat colour."""
    from PIL import Image

    grey = Image.effect_noise((width // 8, height // 8), 40).resize((width, height))
    image = Image.merge("RGB", (grey, grey.rotate(90, expand=False), grey))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=75)
    return out.getvalue()


def make_pictures(folder: Path) -> dict[str, Path]:
    from tests.pictures import huge_jpeg, huge_png

    contents = {
        "png-80mpx-reported": lambda: huge_png(10_000, 8_000, rgb=True),
        "png-50mpx": lambda: huge_png(8_000, 6_250, rgb=True),
        "jpeg-80mpx-header": lambda: huge_jpeg(10_000, 8_000),
        "jpeg-12mpx": lambda: _photo(4_000, 3_000),
        "jpeg-48mpx": lambda: _photo(8_000, 6_000),
    }
    paths = {}
    for name, make in contents.items():
        path = folder / name
        path.write_bytes(make())
        paths[name] = path
    return paths


def _status_mib(field: str) -> float:
    """A memory figure of this process from /proc/self/status (Linux), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def child(picture: Path, images_file: Path) -> None:
    """In a fresh process: clean the picture once and print what it cost, as JSON."""
    spec = importlib.util.spec_from_file_location("images_under_test", images_file)
    assert spec is not None and spec.loader is not None
    images = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(images)
    content = picture.read_bytes()
    before = _status_mib("VmRSS")
    # The peak so far forgotten (Linux ≥ 4.0): VmHWM is then the peak of the call alone.
    Path("/proc/self/clear_refs").write_text("5")
    started = time.perf_counter()
    try:
        data, extension = images.clean_picture(io.BytesIO(content), size=len(content))
        outcome = f"stored as {extension}, {len(data) // 1024} KB"
    except images.NotAPicture as error:
        outcome = f"refused ({type(error).__name__})"
    seconds = time.perf_counter() - started
    peak = _status_mib("VmHWM")
    print(
        json.dumps(
            {
                "bytes": len(content),
                "outcome": outcome,
                "seconds": round(seconds, 3),
                "rss_before_mib": round(before, 1),
                "peak_mib": round(peak, 1),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images-file", type=Path, default=REPO / "smile" / "lib" / "images.py")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.images_file)
        return
    print(f"images module: {args.images_file}")
    print("| picture | file | outcome | time | RSS before | peak RSS | peak − before |")
    print("|---|---:|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        pictures = make_pictures(Path(folder))
        for name, label in CASES:
            result = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    str(pictures[name]),
                    "--images-file",
                    str(args.images_file),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            row = json.loads(result.stdout.strip().splitlines()[-1])
            print(
                f"| {label} | {row['bytes'] // 1024:,} KB | {row['outcome']} | "
                f"{row['seconds']:.2f} s | {row['rss_before_mib']:.0f} MiB | "
                f"{row['peak_mib']:.0f} MiB | {row['peak_mib'] - row['rss_before_mib']:.0f} MiB |"
            )


if __name__ == "__main__":
    main()
