"""The radar and the trend: where the points go, mirrored right to left, and what they refuse."""

import re

import pytest

from smile.leadership import charts
from smile.lib.svg_charts import contrast


def points(svg: str, key: str) -> str:
    found = re.search(rf'<g data-key="{key}"><polygon points="([^"]+)"', svg)
    assert found is not None, svg
    return found.group(1)


def test_the_radar_puts_each_value_on_its_axis() -> None:
    # size 240: centre 120, radius 108; a value v of 5 lies 108 × v / 5 from the centre.
    svg = charts.radar([("overall", [5, 2.5, 0, 5])], title="T", ident="r")
    # Up (inclusion) at 5: (120, 12); to the right (learning) at 2.5: (174, 120);
    # down at 0: the centre; to the left (support) at 5: (12, 120).
    assert points(svg, "overall") == "120,12 174,120 120,120 12,120"
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"')
    assert '<title id="r-title">T</title>' in svg


def test_the_radar_is_mirrored_right_to_left() -> None:
    svg = charts.radar([("overall", [5, 2.5, 0, 5])], title="T", ident="r", direction="rtl")
    # The second axis goes to the left (the inline end for Arabic), the fourth to the right.
    assert points(svg, "overall") == "120,12 66,120 120,120 228,120"


def test_a_group_without_a_value_is_left_out_of_the_drawing() -> None:
    svg = charts.radar(
        [("overall", [3, 3, 3, 3]), ("mentor", [None, 3, 3, 3])], title="T", ident="r"
    )
    assert 'data-key="overall"' in svg
    assert 'data-key="mentor"' not in svg


def test_the_radar_refuses_what_it_cannot_draw() -> None:
    with pytest.raises(ValueError, match="outside"):
        charts.radar([("overall", [6, 3, 3, 3])], title="T", ident="r")
    with pytest.raises(ValueError, match="identifier"):
        charts.radar([("overall", [3, 3, 3, 3])], title="T", ident='r" onload="x')
    with pytest.raises(ValueError, match="line style"):
        charts.radar([("nobody", [3, 3, 3, 3])], title="T", ident="r")
    with pytest.raises(ValueError, match="direction"):
        charts.radar([("overall", [3, 3, 3, 3])], title="T", ident="r", direction="up")


def test_the_title_is_escaped() -> None:
    svg = charts.radar([("overall", [3, 3, 3, 3])], title="<b>&</b>", ident="r")
    assert '<title id="r-title">&lt;b&gt;&amp;&lt;/b&gt;</title>' in svg


def test_a_month_without_enough_ratings_breaks_the_trend() -> None:
    # width 320, height 160, padding 10: x from 10 to 310 over 4 points (every 100); a rating
    # of 5 is at y 10, of 1 at y 150, of 3 at y 80.
    svg = charts.trend([("support", [5, 3, None, 1])], title="T", ident="t")
    group = re.search(r'<g data-key="support">(.*?)</g>', svg)
    assert group is not None
    assert re.findall(r'<polyline points="([^"]+)"', group.group(1)) == ["10,10 110,80"]
    # The lone point after the gap is a marker without a line.
    assert '<circle cx="310" cy="150"' in group.group(1)
    rtl = charts.trend([("support", [5, 3, None, 1])], title="T", ident="t", direction="rtl")
    assert '<polyline points="310,10 210,80"' in rtl


def test_every_line_stands_out_against_white_and_has_its_own_dashes() -> None:
    for key, line in charts.LINES.items():
        assert contrast(line.colour) >= 3, key
    for group in (
        ["overall", "manager", "mentor", "coordinator"],
        ["support", "inclusion", "learning", "equality"],
    ):
        styles = {(charts.LINES[k].dash, charts.LINES[k].marker) for k in group}
        assert len(styles) == 4
