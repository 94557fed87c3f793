import pytest

from smile.lib import orgnumber


@pytest.mark.parametrize("text", ["556016-0680", "5560160680", "212000-0142"])
def test_it_accepts_valid_numbers(text: str) -> None:
    assert orgnumber.is_valid(text)


@pytest.mark.parametrize("text", ["556016-0681", "55601606", "abc", ""])
def test_it_rejects_invalid_numbers(text: str) -> None:
    assert not orgnumber.is_valid(text)


def test_it_normalises_with_a_dash() -> None:
    assert orgnumber.normalise("5560160680") == "556016-0680"
