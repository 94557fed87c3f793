"""The tables people work from become cards on a phone: `class="cards"` and a `data-label` on
every cell (static/css/smile.css). Read from the templates themselves, so a new column without its
label fails here."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

TEMPLATES = [
    "smile/learning/templates/learning/plans/plan.html",
    "smile/learning/templates/learning/vocabulary/owner_words.html",
    "smile/learning/templates/learning/practice/entry.html",
    "smile/notifications/templates/notifications/settings.html",
    "smile/matching/templates/matching/pair_detail.html",
    "smile/mentoring/templates/mentoring/pairs_overview/list.html",
]


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_table_is_cards_and_every_cell_is_labelled(name: str) -> None:
    text = (ROOT / name).read_text()
    tables = re.findall(r"<table[^>]*>", text)
    assert tables, name
    assert all('class="cards"' in table for table in tables), tables
    cells = re.findall(r"<td\b[^>]*>", text)
    assert cells, name
    assert [cell for cell in cells if "data-label=" not in cell] == []
