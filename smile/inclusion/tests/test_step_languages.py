"""A workplace's own onboarding steps in the adepts' languages: written side by side in the
editor, read by the adept in her language or in Swedish marked as not yet translated."""

from datetime import date

from django.test import Client

from smile.accounts.models import User
from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.inclusion import services
from smile.inclusion.models import ChecklistItem, TemplateItem
from smile.organisations.choices import Role
from smile.programmes.models import Enrolment
from smile.programmes.services import enrolment_create
from tests.cast import Cast, add_other_mentor, make_user
from tests.pages import body_of

NOT_YET_AR = "غير متوفر بلغتك بعد"


def newcomer(cast: Cast) -> tuple[User, Enrolment]:
    """Nadia, an Arabic-speaking adept placed at the moulding after the steps were added."""
    user = make_user("nadia@elev.example", "Nadia Nasser", language="ar")
    enrolment = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=user,
        role="adept",
        workplace=cast.moulding,
        starts_on=date(2026, 9, 1),
    )
    return user, enrolment


def custom_steps(cast: Cast) -> tuple[TemplateItem, TemplateItem]:
    template = services.template_for(cast.moulding)
    keys = services.template_item_add(template=template, title="Hämta nyckelkort", due_days=2)
    shoes = services.template_item_add(template=template, title="Prova skyddsskor", due_days=5)
    return keys, shoes


def edit_data(**overrides: str) -> dict[str, str]:
    data = {"title": "Hämta nyckelkort i receptionen", "due_days": "2"}
    data.update(overrides)
    return data


def test_the_manager_writes_a_step_in_two_languages_and_the_copies_not_ticked_get_them(
    cast: Cast, login
) -> None:
    keys, _shoes = custom_steps(cast)
    _nadia, enrolment = newcomer(cast)
    copy = ChecklistItem.objects.get(enrolment=enrolment, source=keys)
    client = login(cast.mona)
    url = f"/inclusion/template-steps/{keys.pk}/"
    page = body_of(client.get(url))
    assert "Hämta nyckelkort" in page and 'name="title_ar"' in page and 'dir="rtl"' in page
    response = client.post(
        url,
        edit_data(title_ar="استلم بطاقة المفتاح من الاستقبال", title_en="Get the key card"),
    )
    assert response.status_code == 302
    assert response["Location"] == f"/inclusion/workplaces/{cast.moulding.pk}/"
    keys.refresh_from_db()
    assert (keys.title_sv, keys.title_ar, keys.title_en, keys.title_uk) == (  # type: ignore[attr-defined]
        "Hämta nyckelkort i receptionen",
        "استلم بطاقة المفتاح من الاستقبال",
        "Get the key card",
        None,
    )
    copy.refresh_from_db()
    assert (copy.title_sv, copy.title_ar, copy.due_on) == (  # type: ignore[attr-defined]
        "Hämta nyckelkort i receptionen",
        "استلم بطاقة المفتاح من الاستقبال",
        date(2026, 9, 3),
    )
    # The workplace page says which languages a step still lacks.
    page = body_of(client.get(f"/inclusion/workplaces/{cast.moulding.pk}/"))
    assert "Українська" in page


def test_an_empty_swedish_text_is_refused_and_what_was_typed_stays(cast: Cast, login) -> None:
    keys, _shoes = custom_steps(cast)
    client = login(cast.alice)  # the coordinator keeps the template too
    url = f"/inclusion/template-steps/{keys.pk}/"
    page = body_of(client.post(url, edit_data(title="", title_ar="بطاقة")))
    assert 'value="بطاقة"' in page
    keys.refresh_from_db()
    assert (keys.title_sv, keys.title_ar) == ("Hämta nyckelkort", None)  # type: ignore[attr-defined]


def test_a_ticked_off_copy_keeps_its_text(cast: Cast, login) -> None:
    keys, _shoes = custom_steps(cast)
    nadia, enrolment = newcomer(cast)
    copy = ChecklistItem.objects.get(enrolment=enrolment, source=keys)
    services.item_tick(item=copy, by=nadia)
    client = login(cast.mona)
    response = client.post(f"/inclusion/template-steps/{keys.pk}/", edit_data(title_ar="بطاقة"))
    assert response.status_code == 302
    copy.refresh_from_db()
    assert (copy.title_sv, copy.title_ar) == ("Hämta nyckelkort", None)  # type: ignore[attr-defined]


def test_the_arabic_adept_reads_her_custom_steps_in_arabic_or_in_swedish_marked(
    cast: Cast, login
) -> None:
    keys, _shoes = custom_steps(cast)
    services.template_item_update(
        item=keys,
        title="Hämta nyckelkort",
        due_days=2,
        translations={"title_ar": "استلم بطاقة المفتاح"},
    )
    nadia, enrolment = newcomer(cast)
    client = login(nadia)
    client.cookies["smile_language"] = "ar"
    page = body_of(client.get(f"/inclusion/checklists/{enrolment.pk}/"))
    assert "<bdi>استلم بطاقة المفتاح</bdi>" in page
    assert "Hämta nyckelkort" not in page
    # The shoes have no Arabic version: Swedish, marked, in Swedish's direction.
    assert (
        '<bdi lang="sv" dir="ltr">Prova skyddsskor</bdi> '
        f'<span class="not-translated">{NOT_YET_AR}</span>'
    ) in page
    # The built-in safety induction is in Arabic, unmarked.
    assert "<bdi>التعريف بالسلامة</bdi>" in page


def test_no_one_else_edits_a_step(cast: Cast, login, client: Client) -> None:
    keys, _shoes = custom_steps(cast)
    otto = add_other_mentor(cast)
    vera = make_user("vera@vard.example", "Vera Vik", totp=True)
    membership_create(actor=SYSTEM, user=vera, organisation=cast.care, role=Role.MANAGER)
    stranger = make_user("sam@example.example", "Sam Stranger")
    url = f"/inclusion/template-steps/{keys.pk}/"
    for person in (vera, otto, cast.bob, cast.dana, cast.erin, cast.charlie, stranger):
        other = login(person)
        body_of(other.get(url), 404)
        body_of(other.post(url, edit_data(title_ar="بطاقة")), 404)
    keys.refresh_from_db()
    assert (keys.title_sv, keys.title_ar) == ("Hämta nyckelkort", None)  # type: ignore[attr-defined]
    client.logout()
    assert client.get(url).status_code == 302
    body_of(login(cast.alice).get(url))
