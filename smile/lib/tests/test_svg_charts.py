"""The server-side SVG charts: well-formed, named, escaped, mirrored for right to left, and never
telling anything by colour alone."""

import xml.etree.ElementTree as ET

import pytest

from smile.lib import svg_charts
from smile.lib.svg_charts import STYLES, contrast, progress_bar, stacked_bar, swatch

NS = {"svg": "http://www.w3.org/2000/svg"}


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def rects(root: ET.Element, key: str) -> list[ET.Element]:
    return [
        rect
        for group in root.findall(f".//svg:g[@data-key='{key}']", NS)
        for rect in group.findall("svg:rect", NS)
    ]


def box(rect: ET.Element) -> tuple[float, float]:
    return float(rect.get("x", "0")), float(rect.get("width", "0"))


def test_a_stacked_bar_is_a_named_image() -> None:
    root = parse(stacked_bar([("level0", 1), ("level3", 3)], title="Levels", ident="c1"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title"
    title = root.find("svg:title", NS)
    assert title is not None and title.text == "Levels" and title.get("id") == "c1-title"
    # No words are drawn: they stay in the HTML table beside the chart.
    assert root.findall(".//svg:text", NS) == []


def test_a_description_is_part_of_the_name() -> None:
    root = parse(stacked_bar([("level1", 1)], title="T", ident="c2", description="1 introduced"))
    assert root.get("aria-labelledby") == "c2-title c2-desc"
    desc = root.find("svg:desc", NS)
    assert desc is not None and desc.text == "1 introduced"


def test_parts_are_in_proportion_from_the_left() -> None:
    root = parse(
        stacked_bar(
            [("level0", 1), ("level1", 0), ("level2", 1), ("level3", 2)],
            title="T",
            ident="c",
            width=200,
        )
    )
    # Parts worth nothing are left out; each part but the last leaves a 2-unit white gap.
    assert rects(root, "level1") == []
    assert box(rects(root, "level0")[0]) == (0, 48)
    assert box(rects(root, "level2")[0]) == (50, 48)
    assert box(rects(root, "level3")[0]) == (100, 100)


def test_right_to_left_mirrors_the_parts() -> None:
    segments = [("level0", 1), ("level2", 1), ("level3", 2)]
    root = parse(stacked_bar(segments, title="T", ident="c", width=200, direction="rtl"))
    assert box(rects(root, "level0")[0]) == (152, 48)  # the first part at the right edge
    assert box(rects(root, "level2")[0]) == (102, 48)
    assert box(rects(root, "level3")[0]) == (0, 100)


def test_an_empty_bar_is_an_outline() -> None:
    root = parse(stacked_bar([("level0", 0)], title="T", ident="c"))
    assert root.findall(".//svg:g", NS) == []
    assert len(root.findall("svg:rect", NS)) == 1


def test_the_progress_bar_shows_progress_and_time() -> None:
    root = parse(
        progress_bar(independent=0.25, progress=0.5, time=0.75, title="T", ident="p", width=102)
    )
    assert box(rects(root, "progress")[0]) == (1, 50)
    assert box(rects(root, "independent")[0]) == (1, 25)
    assert box(rects(root, "time")[0]) == (1, 75)
    marker = root.find(".//svg:line[@data-key='marker']", NS)
    assert marker is not None and marker.get("x1") == "76"


def test_the_progress_bar_mirrors_for_right_to_left() -> None:
    root = parse(
        progress_bar(
            independent=0.25,
            progress=0.5,
            time=0.75,
            title="T",
            ident="p",
            width=102,
            direction="rtl",
        )
    )
    assert box(rects(root, "progress")[0]) == (51, 50)
    assert box(rects(root, "independent")[0]) == (76, 25)
    assert box(rects(root, "time")[0]) == (26, 75)
    marker = root.find(".//svg:line[@data-key='marker']", NS)
    assert marker is not None and marker.get("x1") == "26"


def test_the_progress_bar_clamps_shares() -> None:
    root = parse(progress_bar(independent=-1, progress=3, time=2, title="T", ident="p", width=102))
    assert rects(root, "independent") == []
    assert box(rects(root, "progress")[0]) == (1, 100)
    assert box(rects(root, "time")[0]) == (1, 100)


def test_everything_is_escaped() -> None:
    nasty = "<script>alert(\"x\")</script> & 'quoted'"
    markup = stacked_bar([("level3", 1)], title=nasty, ident="c", description=nasty)
    assert "<script>" not in markup
    root = parse(markup)
    assert root.find("svg:title", NS).text == nasty  # type: ignore[union-attr]
    assert root.find("svg:desc", NS).text == nasty  # type: ignore[union-attr]
    markup = progress_bar(independent=0, progress=0, time=0, title=nasty, ident="p")
    assert parse(markup).find("svg:title", NS).text == nasty  # type: ignore[union-attr]


@pytest.mark.parametrize("ident", ['a" onload="x', "1abc", "", "a b", "a<b"])
def test_an_ident_must_be_plain(ident: str) -> None:
    with pytest.raises(ValueError, match="not a plain identifier"):
        stacked_bar([("level0", 1)], title="T", ident=ident)


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="no chart style 'red'"):
        stacked_bar([("red", 1)], title="T", ident="c")
    with pytest.raises(ValueError, match="negative"):
        stacked_bar([("level0", -1)], title="T", ident="c")
    with pytest.raises(ValueError, match="direction"):
        progress_bar(independent=0, progress=0, time=0, title="T", ident="c", direction="up")


def test_every_colour_has_3_to_1_contrast_against_white() -> None:
    for key, style in STYLES.items():
        assert contrast(style.colour) >= 3, key
    assert contrast(svg_charts.TRACK) >= 3
    assert round(contrast("#000000"), 1) == 21.0


def test_the_levels_differ_by_pattern_not_only_by_colour() -> None:
    patterns = [STYLES[f"level{n}"].pattern for n in range(4)]
    assert len(set(patterns)) == 4
    assert STYLES["progress"].pattern != STYLES["independent"].pattern
    assert STYLES["progress"].pattern != STYLES["time"].pattern


def test_patterns_have_ids_of_their_chart() -> None:
    root = parse(stacked_bar([("level0", 1), ("level1", 1)], title="T", ident="row-7"))
    ids = [p.get("id") for p in root.findall(".//svg:pattern", NS)]
    assert ids == ["row-7-level0", "row-7-level1"]
    assert rects(root, "level1")[0].get("fill") == "url(#row-7-level1)"


def test_a_swatch_is_decoration() -> None:
    root = parse(swatch("level2", ident="legend"))
    assert root.get("aria-hidden") == "true"
    assert root.find(".//svg:pattern", NS).get("id") == "legend-level2"  # type: ignore[union-attr]
    solid = parse(swatch("level3", ident="legend"))
    assert solid.findall(".//svg:pattern", NS) == []
