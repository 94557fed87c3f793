"""The one guard every export uses against formula injection, and its undoing on import."""

from datetime import date

import pytest

from smile.core.spreadsheets import read_table, safe_cell, safe_row, unquote_cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-minus", "'-minus"),
        ("Anna Andersson", "Anna Andersson"),
        ("a=b", "a=b"),
        ("", ""),
        ("'=already quoted by someone", "'=already quoted by someone"),
    ],
)
def test_it_quotes_text_that_would_start_a_formula(value: str, written: str) -> None:
    assert safe_cell(value) == written


@pytest.mark.parametrize(
    "value", [-5, 3.5, -0.25, 0, None, date(2026, 10, 1), "-5", "+3,5", "-0.25"]
)
def test_numbers_stay_numbers(value: object) -> None:
    assert safe_cell(value) == value


def test_a_row_is_quoted_cell_by_cell() -> None:
    assert safe_row(["=1", 2, None, "x"]) == ["'=1", 2, None, "x"]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("'=1+1", "=1+1"),
        ("'@SUM(A1)", "@SUM(A1)"),
        ("'-minus", "-minus"),
        ("'quoted by hand", "'quoted by hand"),
        ("it's", "it's"),
        ("=1+1", "=1+1"),
    ],
)
def test_reading_back_removes_only_our_quote(text: str, read: str) -> None:
    assert unquote_cell(text) == read


def test_a_quoted_csv_reads_back_as_it_was_written() -> None:
    content = '\ufeffname,note\r\n"\'=HYPERLINK(""http://evil"",""x"")",\'-3 grader\r\n'
    header, rows = read_table("export.csv", content.encode("utf-8"))
    assert header == ["name", "note"]
    assert rows == [(2, ['=HYPERLINK("http://evil","x")', "-3 grader"])]
