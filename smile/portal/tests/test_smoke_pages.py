"""Every page answers each cast member without a server error."""

import pytest
from django.urls import reverse

PAGES = [
    "portal:home",
    "accounts:profile",
    "accounts:invitations",
    "organisations:list",
    "organisations:create",
    "portal:programmes",
    "programmes:create",
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ["alice", "bob", "dana", "mona", "tess", "charlie"])
def test_page_never_fails(cast, login, who: str, page: str) -> None:
    client = login(getattr(cast, who))
    response = client.get(reverse(page), follow=True)
    assert response.status_code in {200, 403, 404}
