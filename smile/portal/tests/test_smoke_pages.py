"""Every page of the shell answers each cast member with exactly the status meant for her role.

Written out by hand: a coordinator (alice, charlie) may create organisations and programmes and
invite people; everyone else gets the "No access" page (403) there. Another role's home is a 404
(nobody learns which homes exist). The root sends each person to her own home.
"""

import re

import pytest
from django.urls import reverse

from tests.cast import Cast

OK = 200
DENIED = 403
NOT_FOUND = 404

# page: (the heading of the page when it opens, {who: expected status})
PAGES: dict[str, tuple[str, dict[str, int]]] = {
    "accounts:profile": (
        "My profile",
        {w: OK for w in ("alice", "bob", "dana", "erin", "mona", "tess", "charlie")},
    ),
    "accounts:invitations": (
        "Invitations",
        {
            "alice": OK,
            "bob": DENIED,
            "dana": DENIED,
            "erin": DENIED,
            "mona": DENIED,
            "tess": DENIED,
            "charlie": OK,
        },
    ),
    "organisations:list": (
        "Organisations",
        {w: OK for w in ("alice", "bob", "dana", "erin", "mona", "tess", "charlie")},
    ),
    "organisations:create": (
        "New organisation",
        {
            "alice": OK,
            "bob": DENIED,
            "dana": DENIED,
            "erin": DENIED,
            "mona": DENIED,
            "tess": DENIED,
            "charlie": OK,
        },
    ),
    "portal:programmes": (
        "Programmes",
        {w: OK for w in ("alice", "bob", "dana", "erin", "mona", "tess", "charlie")},
    ),
    "programmes:create": (
        "New programme",
        {
            "alice": OK,
            "bob": DENIED,
            "dana": DENIED,
            "erin": DENIED,
            "mona": DENIED,
            "tess": DENIED,
            "charlie": OK,
        },
    ),
}
CASES = [(page, who, status) for page, (_, row) in PAGES.items() for who, status in row.items()]

HOMES = {
    "alice": "/home/coordinator/",
    "bob": "/home/mentor/",
    "dana": "/home/adept/",
    "erin": "/home/adept/",
    "mona": "/home/manager/",
    "tess": "/home/teacher/",
    "charlie": "/home/coordinator/",
}
HOME_HEADINGS = {
    "/home/coordinator/": "Coordination",
    "/home/mentor/": "My adepts",
    "/home/adept/": "Hello <bdi>{first}</bdi>!",
    "/home/manager/": "My workplaces",
    "/home/teacher/": "My class",
}


def headings(content: bytes) -> list[str]:
    return [h.strip() for h in re.findall(r"<h1[^>]*>(.*?)</h1>", content.decode(), re.S)]


@pytest.mark.parametrize(("page", "who", "status"), CASES)
def test_each_page_answers_each_role_with_its_own_status(
    cast: Cast, login, page: str, who: str, status: int
) -> None:
    response = login(getattr(cast, who)).get(reverse(page))
    assert response.status_code == status
    heading = PAGES[page][0]
    if status == OK:
        assert headings(response.content) == [heading]
    else:
        assert headings(response.content) == ["No access"]


@pytest.mark.parametrize("who", list(HOMES))
def test_the_root_sends_each_person_to_her_own_home(cast: Cast, login, who: str) -> None:
    response = login(getattr(cast, who)).get("/")
    assert (response.status_code, response["Location"]) == (302, HOMES[who])


@pytest.mark.parametrize("who", list(HOMES))
@pytest.mark.parametrize("home", list(HOME_HEADINGS))
def test_only_her_own_home_opens_and_the_others_are_not_found(
    cast: Cast, login, who: str, home: str
) -> None:
    response = login(getattr(cast, who)).get(home)
    if home == HOMES[who]:
        expected = HOME_HEADINGS[home].format(first={"dana": "Dana", "erin": "Erin"}.get(who))
        assert (response.status_code, headings(response.content)) == (200, [expected])
    else:
        assert (response.status_code, headings(response.content)) == (404, ["Page not found"])
