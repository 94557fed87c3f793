"""Onboarding checklists: copied at placement, ticked off, the late-step alert, completion."""

from datetime import date

import pytest
from django.test import Client
from django.utils import translation

from smile.accounts.models import User
from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.inclusion import access, selectors, services
from smile.inclusion.models import ChecklistItem, TemplateItem
from smile.matching.models import Pair, PairStatus
from smile.notifications.models import Notification
from smile.organisations.choices import Role
from smile.programmes.services import enrolment_create
from tests.cast import Cast, add_other_mentor, make_user
from tests.pages import body_of


def items_of(cast: Cast) -> list[ChecklistItem]:
    return list(ChecklistItem.objects.filter(enrolment=cast.dana_enrolment).order_by("position"))


def other_manager(cast: Cast) -> User:
    vera = make_user("vera@vard.example", "Vera Vik", totp=True)
    membership_create(actor=SYSTEM, user=vera, organisation=cast.care, role=Role.MANAGER)
    return vera


def test_a_placed_adept_gets_the_default_steps_with_due_days_in_every_language(
    cast: Cast,
) -> None:
    items = items_of(cast)
    assert [getattr(item, "title_sv") for item in items][:2] == [
        "Välkommen och presentation för arbetslaget",
        "Säkerhetsintroduktion",
    ]
    assert [item.due_on for item in items] == [
        date(2026, 8, 11),
        date(2026, 8, 13),
        date(2026, 8, 17),
        date(2026, 8, 13),
        date(2026, 8, 24),
        date(2026, 8, 17),
    ]
    assert getattr(items[1], "title_ar") == "التعريف بالسلامة"
    # A mentor's enrolment gets none.
    assert not ChecklistItem.objects.filter(enrolment=cast.bob_enrolment).exists()


def test_a_step_the_workplace_adds_is_given_to_adepts_placed_later_and_shown_as_not_translated(
    cast: Cast,
) -> None:
    template = services.template_for(cast.moulding)
    services.template_item_add(template=template, title="Hämta arbetskläder", due_days=2)
    assert TemplateItem.objects.filter(template=template).count() == 7
    assert len(items_of(cast)) == 6  # copies already given stay as they were
    newcomer = make_user("nils@elev.example", "Nils Nyström")
    enrolment = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=newcomer,
        role="adept",
        workplace=cast.moulding,
        starts_on=date(2026, 9, 1),
    )
    last = ChecklistItem.objects.filter(enrolment=enrolment).order_by("position").last()
    assert last is not None
    assert last.due_on == date(2026, 9, 3)
    with translation.override("ar"):
        shown = selectors.shown_title(last)
    assert (shown.text, shown.lang, shown.fallback) == ("Hämta arbetskläder", "sv", True)
    with translation.override("sv"):
        shown = selectors.shown_title(last)
    assert (shown.text, shown.fallback) == ("Hämta arbetskläder", False)


def test_an_empty_step_is_refused(cast: Cast) -> None:
    from smile.core.errors import ApplicationError

    with pytest.raises(ApplicationError):
        services.template_item_add(
            template=services.template_for(cast.moulding), title="  ", due_days=None
        )


def test_ticking_records_who_and_when_and_undo_clears_it(cast: Cast) -> None:
    item = items_of(cast)[0]
    services.item_tick(item=item, by=cast.bob)
    item.refresh_from_db()
    assert item.done_by == cast.bob
    assert item.done_at is not None
    services.item_tick(item=item, by=cast.dana, done=False)
    item.refresh_from_db()
    assert (item.done_by, item.done_at) == (None, None)


def test_late_steps_alert_the_adept_and_her_mentor_once_and_finish_when_all_done(
    cast: Cast,
) -> None:
    today = date(2026, 8, 20)  # three steps of each checklist are late (due 11, 13, 13, 17, 17)
    assert services.onboarding_remind_overdue(today=today) == 3  # dana, bob, erin
    notices = Notification.objects.filter(kind="onboarding").order_by("recipient__full_name")
    assert [(n.recipient.full_name, n.params) for n in notices] == [
        ("Bob Berg", {"count": 5, "workplace": "Formning"}),
        ("Dana Darwish", {"count": 5, "workplace": "Formning"}),
        ("Erin Eriksson", {"count": 5, "workplace": "Efterbehandling"}),
    ]
    assert notices[1].url == f"/inclusion/checklists/{cast.dana_enrolment.pk}/"
    assert services.onboarding_remind_overdue(today=today) == 0  # no duplicates on rerun
    for item in items_of(cast):
        services.item_tick(item=item, by=cast.dana)
    assert Notification.objects.filter(kind="onboarding", done_at__isnull=True).count() == 1
    assert services.onboarding_remind_overdue(today=today) == 0


def test_completion_by_workplace_in_one_query(cast: Cast, django_assert_num_queries) -> None:
    for item in items_of(cast)[:3]:
        services.item_tick(item=item, by=cast.dana)
    workplaces = [cast.moulding, cast.finishing, cast.care_home]
    with django_assert_num_queries(1):
        figures = selectors.completion_by_workplace(workplaces, today=date(2026, 8, 20))
    moulding = figures[cast.moulding.pk]
    assert (moulding.adepts, moulding.finished, moulding.steps, moulding.done) == (1, 0, 6, 3)
    assert moulding.overdue == 2
    assert moulding.percent == 50
    assert figures[cast.care_home.pk].adepts == 0


def test_who_sees_and_ticks(cast: Cast) -> None:
    otto = add_other_mentor(cast)
    vera = other_manager(cast)
    dana_items = {item.pk for item in items_of(cast)}

    def sees(user: User) -> bool:
        return dana_items <= set(access.visible_items(user).values_list("pk", flat=True))

    def ticks(user: User) -> bool:
        return dana_items <= set(access.tickable_items(user).values_list("pk", flat=True))

    assert sees(cast.dana) and ticks(cast.dana)
    assert sees(cast.bob) and ticks(cast.bob)
    assert sees(cast.mona) and not ticks(cast.mona)
    assert sees(cast.alice) and not ticks(cast.alice)
    for person in (otto, vera, cast.erin, cast.charlie, cast.tess):
        assert not access.visible_items(person).filter(pk__in=dana_items).exists()
    # A pair that ended no longer gives the mentor the checklist.
    Pair.objects.filter(pk=cast.pair.pk).update(status=PairStatus.COMPLETED)
    assert not access.visible_items(cast.bob).filter(pk__in=dana_items).exists()


# ---- pages ---------------------------------------------------------------------------------


def test_the_adept_ticks_a_step_on_her_page(cast: Cast, login) -> None:
    client = login(cast.dana)
    client.cookies["smile_language"] = "ar"
    url = f"/inclusion/checklists/{cast.dana_enrolment.pk}/"
    page = body_of(client.get(url))
    assert "التعريف بالسلامة" in page
    item = items_of(cast)[1]
    response = client.post(f"/inclusion/steps/{item.pk}/tick/")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.done_by == cast.dana
    assert body_of(client.get("/inclusion/")).count(url) == 1


def test_the_mentor_ticks_and_the_manager_and_coordinator_only_see(cast: Cast, login) -> None:
    item = items_of(cast)[0]
    url = f"/inclusion/checklists/{cast.dana_enrolment.pk}/"
    bob = login(cast.bob)
    body_of(bob.get(url))
    assert bob.post(f"/inclusion/steps/{item.pk}/tick/").status_code == 302
    for person in (cast.mona, cast.alice):
        client = login(person)
        page = body_of(client.get(url))
        assert "Bob Berg" in page
        body_of(client.post(f"/inclusion/steps/{item.pk}/tick/", {"done": "0"}), 404)
    item.refresh_from_db()
    assert item.done_by == cast.bob


def test_managers_and_coordinators_see_completion_and_keep_the_template(cast: Cast, login) -> None:
    for person in (cast.mona, cast.alice):
        client = login(person)
        page = body_of(client.get("/inclusion/workplaces/"))
        assert "Formning" in page and "Efterbehandling" in page and "Solgläntan" not in page
        body_of(client.get(f"/inclusion/workplaces/{cast.moulding.pk}/"))
    client = login(cast.mona)
    url = f"/inclusion/workplaces/{cast.moulding.pk}/"
    page = body_of(client.post(url, {"title": "", "due_days": "3"}))
    assert 'value="3"' in page  # what was typed stays
    assert client.post(url, {"title": "Hämta nyckelkort", "due_days": ""}).status_code == 302
    step = TemplateItem.objects.get(title_sv="Hämta nyckelkort")
    assert step.due_days is None
    assert client.post(f"/inclusion/template-steps/{step.pk}/remove/").status_code == 302
    assert not TemplateItem.objects.filter(pk=step.pk).exists()


def test_everyone_else_gets_a_404_on_every_page(cast: Cast, login, client: Client) -> None:
    otto = add_other_mentor(cast)
    vera = other_manager(cast)
    stranger = make_user("sam@example.example", "Sam Stranger")
    item = items_of(cast)[0]
    step = services.template_for(cast.moulding).items.first()
    assert step is not None
    gets = [
        f"/inclusion/checklists/{cast.dana_enrolment.pk}/",
        f"/inclusion/workplaces/{cast.moulding.pk}/",
    ]
    posts = [f"/inclusion/steps/{item.pk}/tick/", f"/inclusion/template-steps/{step.pk}/remove/"]
    for person in (vera, otto, cast.erin, cast.charlie, stranger):
        other = login(person)
        for url in gets:
            body_of(other.get(url), 404)
        for url in posts:
            body_of(other.post(url), 404)
    for person in (vera, cast.charlie):  # they lead other workplaces only
        other = login(person)
        assert "Formning" not in body_of(other.get("/inclusion/workplaces/"))
    for person in (otto, cast.erin, stranger):
        other = login(person)
        body_of(other.get("/inclusion/workplaces/"), 404)
    page = body_of(login(stranger).get("/inclusion/"))
    assert "No onboarding checklist yet." in page and "checklists/" not in page
    item.refresh_from_db()
    assert item.done_at is None
    assert TemplateItem.objects.filter(pk=step.pk).exists()
    client.logout()
    for url in [*gets, "/inclusion/", "/inclusion/workplaces/"]:
        assert client.get(url).status_code == 302
