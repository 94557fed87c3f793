import pytest

from smile.lib.env import ConfigurationError, env_bool, env_int, env_list, env_str


def test_it_reads_defaults_when_unset() -> None:
    assert env_str("X", "d", {}) == "d"
    assert env_bool("X", True, {}) is True
    assert env_int("X", 3, {}) == 3
    assert env_list("X", ["a"], {}) == ["a"]


def test_it_parses_values() -> None:
    env = {"B": "yes", "I": "42", "L": "a, b,,c"}
    assert env_bool("B", False, env) is True
    assert env_int("I", 0, env) == 42
    assert env_list("L", [], env) == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("reader", "value", "message"),
    [
        (env_bool, "maybe", "expected true or false"),
        (env_int, "ten", "expected a whole number"),
        (env_int, "-1", "must be at least 0"),
    ],
)
def test_it_refuses_bad_values_naming_the_variable(reader, value: str, message: str) -> None:
    with pytest.raises(ConfigurationError) as error:
        reader("SMILE_X", 0, {"SMILE_X": value})
    assert str(error.value).startswith("SMILE_X: ")
    assert message in str(error.value)
