"""The organisation number on the organisation form: checked by python-stdnum (ten digits, the
last a Luhn check digit), stored as NNNNNN-NNNN, and a wrong one explained in the reader's
language."""

import pytest

from smile.organisations.models import Organisation
from tests.cast import Cast

NEW = "/organisations/new/"


def post(client, cast: Cast, number: str):
    return client.post(
        NEW,
        {
            "name": "Smålandshus AB",
            "kind": "employer",
            "organisation_number": number,
            "city": "Vrigstad",
            "managed_by": cast.savsjo.pk,
        },
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("556016-0680", "556016-0680"),
        ("5560160680", "556016-0680"),
        (" 212000-0142 ", "212000-0142"),
        ("556016 0680", "556016-0680"),
    ],
)
def test_it_stores_a_valid_number_with_a_dash(cast: Cast, login, typed: str, stored: str) -> None:
    response = post(login(cast.alice), cast, typed)
    assert response.status_code == 302
    assert Organisation.objects.get(name="Smålandshus AB").organisation_number == stored


def test_it_accepts_an_empty_number(cast: Cast, login) -> None:
    response = post(login(cast.alice), cast, "")
    assert response.status_code == 302
    assert Organisation.objects.get(name="Smålandshus AB").organisation_number == ""


def test_it_refuses_a_wrong_check_digit_and_says_so(cast: Cast, login) -> None:
    response = post(login(cast.alice), cast, "556016-0681")
    assert response.status_code == 200
    assert (
        "Enter a valid organisation number: the last digit does not match the others, so one "
        "digit is probably mistyped." in response.content.decode()
    )
    assert not Organisation.objects.filter(name="Smålandshus AB").exists()


@pytest.mark.parametrize("typed", ["55601606", "556016-068", "abcdef-ghij"])
def test_it_refuses_a_number_of_the_wrong_shape(cast: Cast, login, typed: str) -> None:
    response = post(login(cast.alice), cast, typed)
    assert response.status_code == 200
    assert (
        "Enter a valid organisation number, for example 212000-0613." in response.content.decode()
    )
    assert not Organisation.objects.filter(name="Smålandshus AB").exists()


def test_it_explains_a_wrong_check_digit_in_swedish(cast: Cast, login) -> None:
    client = login(cast.alice)
    client.cookies["smile_language"] = "sv"
    response = post(client, cast, "212000-0614")
    assert response.status_code == 200
    assert (
        "Skriv ett giltigt organisationsnummer: den sista siffran stämmer inte med de andra, "
        "så någon siffra är troligen fel." in response.content.decode()
    )
    assert not Organisation.objects.filter(name="Smålandshus AB").exists()
