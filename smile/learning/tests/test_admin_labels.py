"""Learning in the Django admin speaks the staff's language: the app's heading and the labels of
the fields that point to a curriculum or a workplace (they read "Curriculum" and "Workplace" in
English on a Swedish admin)."""

from typing import Any

import pytest

from smile.accounts.models import User
from tests.cast import Cast, make_user
from tests.pages import body_of


@pytest.fixture
def admin_client(cast: Cast, login) -> Any:
    admin: User = make_user("root@smile.example", "Root Admin", totp=True)
    admin.is_superuser = admin.is_staff = True
    admin.save(update_fields=["is_superuser", "is_staff"])
    return login(admin)


@pytest.mark.parametrize(
    ("language", "app", "curriculum", "workplace"),
    [
        ("sv", "Lärande", "Kursplan:", "Arbetsplats:"),
        ("en", "Learning", "Curriculum:", "Workplace:"),
    ],
)
def test_learning_s_admin_is_in_the_staff_language(
    admin_client: Any, language: str, app: str, curriculum: str, workplace: str
) -> None:
    admin_client.cookies["smile_language"] = language
    assert f">{app}</a>" in body_of(admin_client.get("/admin/"))
    term = body_of(admin_client.get("/admin/learning/term/add/"))
    assert f'<label for="id_curriculum">{curriculum}</label>' in term
    assert f'<label for="id_workplace">{workplace}</label>' in term
    objective = body_of(admin_client.get("/admin/learning/objective/add/"))
    assert f'<label class="required" for="id_curriculum">{curriculum}</label>' in objective
