"""Content in the adept's language: what teachers, coordinators and mentors write for adepts (tasks
and their safety notes, curricula, next steps) has a version per language, falls back to Swedish
with a mark, is edited side by side, travels in the curriculum's spreadsheets, and a coverage page
tells what is missing in the languages of the adepts placed there."""

from datetime import date
from typing import Any

import pytest
from django.utils import timezone, translation

from smile.accounts.models import User
from smile.core.actor import SYSTEM
from smile.inclusion import services as inclusion_services
from smile.learning import content
from smile.learning.curricula import selectors
from smile.learning.curricula.spreadsheet import CurriculumImportReport, curriculum_import
from smile.learning.models import Objective, ReviewSignature, Unit, WorkplaceTask
from smile.learning.reviews.services import review_hold, review_schedule, review_sign
from smile.learning.tests.curricula_fixtures import Foundry, make_curriculum
from smile.organisations import access as organisations_access
from smile.organisations.models import Workplace
from smile.organisations.services import workplace_save
from smile.programmes.services import enrolment_create
from tests.cast import Cast, make_user
from tests.pages import body_of

ARABIC_TITLE = "قياس القالب للتحقق منه"
ARABIC_MARK = "غير متوفر بلغتك بعد"  # "Not yet in your language", as the Arabic page says it


@pytest.fixture
def foundry(cast: Cast) -> Foundry:
    return make_curriculum(cast)


def in_arabic(client: Any) -> Any:
    client.cookies["smile_language"] = "ar"
    return client


def tasks() -> list[tuple[object, ...]]:
    return list(
        WorkplaceTask.objects.order_by("pk").values_list(
            "pk", "title_sv", "title_ar", "safety_notes_sv", "safety_notes_ar", "languages_to_check"
        )
    )


# --- reading: her language, else Swedish with a mark -----------------------------------------


def test_a_text_is_read_in_her_language_or_else_in_swedish_marked(foundry: Foundry) -> None:
    WorkplaceTask.objects.filter(pk=foundry.task.pk).update(title_ar=ARABIC_TITLE)
    task = WorkplaceTask.objects.get(pk=foundry.task.pk)
    assert content.shown(task, "title", "ar") == content.Shown(ARABIC_TITLE, "ar", False)
    assert content.shown(task, "safety_notes", "ar") == content.Shown(
        "Skyddsglasögon och hörselskydd", "sv", True
    )
    # A Swedish reader reads the source, which is never marked.
    assert content.shown(task, "title", "sv") == content.Shown("Kontrollmäta formen", "sv", False)
    with translation.override("ar"):
        assert (task.title, task.safety_notes) == (ARABIC_TITLE, "Skyddsglasögon och hörselskydd")
    with translation.override("ti"):
        assert task.title == "Kontrollmäta formen"


def test_the_adept_reads_the_task_in_arabic_and_the_safety_note_marked_in_swedish(
    cast: Cast, login, foundry: Foundry
) -> None:
    WorkplaceTask.objects.filter(pk=foundry.task.pk).update(title_ar=ARABIC_TITLE)
    response = in_arabic(login(cast.dana)).get(f"/learning/tasks/{foundry.task.pk}/")
    page = body_of(response)
    assert '<html lang="ar" dir="rtl">' in page
    assert f"<h1><bdi>{ARABIC_TITLE}</bdi></h1>" in page
    assert (
        '<p><bdi lang="sv" dir="ltr">Skyddsglasögon och hörselskydd</bdi> '
        f'<span class="not-translated">{ARABIC_MARK}</span></p>'
    ) in page
    # The listen buttons read what is shown, in the language it is in.
    assert f'data-speak="{ARABIC_TITLE}" data-speak-lang="ar"' in page
    assert 'data-speak="Skyddsglasögon och hörselskydd" data-speak-lang="sv-SE"' in page
    assert '<script src="/static/js/vocabulary.js" defer></script>' in page


def test_a_swedish_page_shows_the_source_unmarked(cast: Cast, login, foundry: Foundry) -> None:
    client = login(cast.dana)
    client.cookies["smile_language"] = "sv"
    page = body_of(client.get(f"/learning/workplaces/{cast.moulding.pk}/tasks/"))
    assert "<bdi>Kontrollmäta formen</bdi>" in page
    assert "not-translated" not in page


# --- editing side by side --------------------------------------------------------------------


def test_the_task_form_has_swedish_first_and_each_language_by_its_own_name(
    cast: Cast, login, foundry: Foundry
) -> None:
    WorkplaceTask.objects.filter(pk=foundry.task.pk).update(title_ar=ARABIC_TITLE)
    page = body_of(login(cast.tess).get(f"/learning/tasks/{foundry.task.pk}/edit/"))
    # The Swedish field keeps its name and holds the Swedish text, on an English page too.
    assert 'name="title" value="Kontrollmäta formen"' in page
    assert page.index('name="title"') < page.index('name="title_ar"')
    assert '<summary><span lang="ar" dir="rtl">العربيّة</span>' in page
    assert '<summary><span lang="ti" dir="ltr">ትግርኛ</span>' in page
    assert f'name="title_ar" value="{ARABIC_TITLE}"' in page
    assert 'lang="ar" dir="rtl"' in page
    assert 'name="to_check_ar"' in page


def test_the_teacher_saves_an_arabic_version_of_a_task(cast: Cast, login, foundry: Foundry) -> None:
    response = login(cast.tess).post(
        f"/learning/tasks/{foundry.task.pk}/edit/",
        {
            "title": "Kontrollmäta formen",
            "location": "Bana 2",
            "tools": "Skjutmått",
            "safety_notes": "Skyddsglasögon och hörselskydd",
            "title_ar": f"  {ARABIC_TITLE} ",
            "safety_notes_ar": "نظارات واقية وواقيات للأذن",
            "to_check_ar": "on",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/learning/tasks/{foundry.task.pk}/"
    saved = WorkplaceTask.objects.values_list(
        "title_sv", "title_ar", "title_en", "safety_notes_ar", "location_ar", "languages_to_check"
    ).get(pk=foundry.task.pk)
    assert saved == (
        "Kontrollmäta formen",
        ARABIC_TITLE,
        None,
        "نظارات واقية وواقيات للأذن",
        None,
        ["ar"],
    )
    # The editor sees the Arabic version is still to be checked.
    page = body_of(login(cast.tess).get(f"/learning/tasks/{foundry.task.pk}/"))
    assert "Versions to be checked (machine translation or not checked yet):" in page
    assert '<span lang="ar" dir="rtl">العربيّة</span>' in page


def test_a_too_long_arabic_version_is_explained_and_nothing_is_saved(
    cast: Cast, login, foundry: Foundry
) -> None:
    before = tasks()
    response = login(cast.tess).post(
        f"/learning/tasks/{foundry.task.pk}/edit/",
        {"title": "Kontrollmäta formen", "title_ar": "ع" * 201},
    )
    page = body_of(response, status=200)
    assert "Ensure this value has at most 200 characters (it has 201)." in page
    assert "<details open>" in page  # the Arabic part opens to show its error
    assert tasks() == before


def test_the_swedish_text_stays_required(cast: Cast, login, foundry: Foundry) -> None:
    before = tasks()
    response = login(cast.tess).post(
        f"/learning/tasks/{foundry.task.pk}/edit/", {"title": "", "title_ar": ARABIC_TITLE}
    )
    assert "This field is required." in body_of(response, status=200)
    assert tasks() == before


def test_an_objective_gets_a_tigrinya_version(cast: Cast, login, foundry: Foundry) -> None:
    objective = foundry.objectives[0]
    url = f"/learning/curricula/{foundry.curriculum.pk}/objectives/{objective.pk}/edit/"
    response = login(cast.tess).post(
        url,
        {
            "unit": objective.unit_id,
            "code": "U1.1",
            "text": "Jag kan sak 1.1",
            "order": 1,
            "text_ti": "ነገር 1.1 ክገብር እኽእል እየ",
        },
    )
    assert response.status_code == 302
    assert Objective.objects.values_list("text_sv", "text_ti", "text_ar").get(pk=objective.pk) == (
        "Jag kan sak 1.1",
        "ነገር 1.1 ክገብር እኽእል እየ",
        None,
    )


def test_charlie_cannot_save_a_version(cast: Cast, login, foundry: Foundry) -> None:
    before = tasks()
    response = login(cast.charlie).post(
        f"/learning/tasks/{foundry.task.pk}/edit/",
        {"title": "Kontrollmäta formen", "title_ar": ARABIC_TITLE},
    )
    assert response.status_code == 404
    assert tasks() == before


# --- the next steps of a review --------------------------------------------------------------


def test_next_steps_in_arabic_are_read_by_her_and_a_changed_version_asks_new_signatures(
    cast: Cast, login
) -> None:
    review = review_schedule(
        enrolment=cast.dana_enrolment,
        by=cast.tess,
        scheduled_for=timezone.now(),
        place="Formning",
        agenda="Agenda",
    )
    review = review_hold(review=review, by=cast.tess, notes="Gick bra", next_steps="Öva mer")
    review_sign(review=review, by=cast.tess)
    review = review_hold(
        review=review,
        by=cast.bob,
        notes="Gick bra",
        next_steps="Öva mer",
        translations={"next_steps_ar": "تدرّب أكثر"},
    )
    assert (content.source(review, "next_steps"), content.version(review, "next_steps", "ar")) == (
        "Öva mer",
        "تدرّب أكثر",
    )
    assert not ReviewSignature.objects.filter(review=review).exists()
    page = body_of(in_arabic(login(cast.dana)).get(f"/learning/reviews/{review.pk}/"))
    assert "<p><bdi>تدرّب أكثر</bdi></p>" in page


# --- the curriculum's spreadsheet ------------------------------------------------------------


def run(cast: Cast, foundry: Foundry, text: str) -> CurriculumImportReport:
    return curriculum_import(
        curriculum=foundry.curriculum, actor=cast.tess, filename="plan.csv", content=text.encode()
    )


def test_an_import_with_arabic_columns_writes_the_arabic_versions(
    cast: Cast, foundry: Foundry
) -> None:
    report = run(
        cast,
        foundry,
        "unit_code,unit_name,objective_code,objective,unit_name_ar,objective_ar\n"
        "SAK,Säkerhet,SAK1,Jag väljer skyddsutrustning,السلامة,أختار معدات الوقاية\n"
        "SAK,Säkerhet,SAK2,Jag vet var nödstoppet finns,,أعرف مكان زر التوقف\n",
    )
    assert report.ok, report.errors
    unit = Unit.objects.get(curriculum=foundry.curriculum, code="SAK")
    assert Unit.objects.values_list("name_sv", "name_ar", "name_ti").get(pk=unit.pk) == (
        "Säkerhet",
        "السلامة",
        None,
    )
    assert list(
        Objective.objects.filter(unit=unit)
        .order_by("code")
        .values_list("code", "text_sv", "text_ar")
    ) == [
        ("SAK1", "Jag väljer skyddsutrustning", "أختار معدات الوقاية"),
        ("SAK2", "Jag vet var nödstoppet finns", "أعرف مكان زر التوقف"),
    ]


def test_a_language_column_sets_the_versions_and_a_file_without_it_keeps_them(
    cast: Cast, foundry: Foundry
) -> None:
    Objective.objects.filter(code="U1.1").update(text_ar="نص", text_ti="ጽሑፍ")
    report = run(
        cast,
        foundry,
        "unit_code,unit_name,objective_code,objective,objective_ar\n"
        "U1,Enhet 1,U1.1,Jag kan sak 1.1,\n",
    )
    assert report.ok and report.updated == 1
    assert Objective.objects.values_list("text_ar", "text_ti").get(code="U1.1") == (None, "ጽሑፍ")


def test_the_export_carries_a_column_per_language(cast: Cast, login, foundry: Foundry) -> None:
    Unit.objects.filter(code="U1").update(name_ar="الوحدة 1")
    Objective.objects.filter(code="U1.1").update(text_ti="ጽሑፍ 1.1")
    response = login(cast.tess).get(
        f"/learning/curricula/{foundry.curriculum.pk}/export/?format=csv"
    )
    assert response.status_code == 200
    lines = response.content.decode("utf-8").split("\r\n")
    assert lines[0] == (
        "\ufeffunit_code,unit_name,objective_code,objective,"
        "unit_name_en,unit_name_ar,unit_name_uk,unit_name_ti,unit_name_so,unit_name_prs,"
        "unit_name_fa,"
        "objective_en,objective_ar,objective_uk,objective_ti,objective_so,objective_prs,"
        "objective_fa"
    )
    assert lines[1] == "U1,Enhet 1,U1.1,Jag kan sak 1.1,,الوحدة 1,,,,,,,,,ጽሑፍ 1.1,,,"
    assert lines[2] == "U1,Enhet 1,U1.2,Jag kan sak 1.2,,الوحدة 1,,,,,,,,,,,,"


def test_a_failed_row_of_an_import_writes_nothing(cast: Cast, foundry: Foundry) -> None:
    def state() -> list[tuple[object, ...]]:
        return [
            *Unit.objects.order_by("pk").values_list("pk", "code", "name_sv", "name_ar"),
            *Objective.objects.order_by("pk").values_list("pk", "code", "text_sv", "text_ar"),
        ]

    before = state()
    report = run(
        cast,
        foundry,
        "unit_code,unit_name,objective_code,objective,unit_name_ar,objective_ar\n"
        "NY,Ny enhet,NY1,Nytt mål,وحدة جديدة,هدف جديد\n"
        "NY,Ny enhet,NY2,Ett till,اسم آخر,هدف آخر\n"
        f"U1,Enhet 1,U1.1,Jag kan sak 1.1,,{'ن' * 301}\n",
    )
    assert not report.ok
    assert [str(error) for error in report.errors] == [
        "Row 3, unit_name_ar: The unit NY has another name on row 2.",
        "Row 4, objective_ar: This is too long: at most 300 characters.",
    ]
    assert state() == before


# --- what is missing in the languages of the adepts placed there -----------------------------


def place_adept(cast: Cast, email: str, language: str) -> User:
    user = make_user(email, email.split("@")[0].title(), language=language)
    enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=user,
        role="adept",
        workplace=cast.finishing,
        education_provider=cast.school,
        starts_on=date(2026, 8, 10),
    )
    return user


def test_the_coverage_lists_what_her_language_lacks_with_the_safety_note_first(
    cast: Cast, login, foundry: Foundry
) -> None:
    WorkplaceTask.objects.filter(pk=foundry.task.pk).update(title_ar=ARABIC_TITLE)
    place_adept(cast, "yonas@elev.example", "ti")
    coverage = selectors.curriculum_coverage(user=cast.tess, curriculum=foundry.curriculum)
    finishing, moulding = coverage["places"]  # by the name of the workplace
    # Dana (Arabic) at the moulding shop; Yonas (Tigrinya) and Erin (Swedish) at finishing.
    assert moulding.workplace == cast.moulding
    assert [(language.code, count) for language, count in moulding.readers] == [("ar", 1)]
    assert [
        (gap.label, gap.field, [language.code for language in gap.languages], gap.safety)
        for gap in moulding.gaps
    ] == [
        ("Kontrollmäta formen", "Safety", ["ar"], True),
        ("Kontrollmäta formen", "Where", ["ar"], False),
        ("Kontrollmäta formen", "Tools and machines", ["ar"], False),
    ]
    assert [(language.code, count) for language, count in finishing.readers] == [("ti", 1)]
    assert finishing.gaps == []  # no task there yet
    # The curriculum's own texts, in both placed languages and in no other.
    assert {
        tuple(language.code for language in gap.languages) for gap in coverage["curriculum_gaps"]
    } == {("ar", "ti")}

    response = login(cast.tess).get(f"/learning/curricula/{foundry.curriculum.pk}/languages/")
    page = body_of(response)
    assert "1 safety note is missing in an adept's language." in page
    safety_row = page.index('<tr class="safety">')
    assert safety_row < page.index(">Where</td>")
    assert '<td data-label="Missing in"><span lang="ar" dir="rtl">العربيّة</span></td>' in page
    assert '<table class="cards">' in page
    # Nobody placed there reads Ukrainian, Somali, Dari or Persian: no row asks for them.
    for other in ('lang="uk"', 'lang="so"', 'lang="prs"', 'lang="fa"'):
        assert other not in page.split('<main id="main"', 1)[1]


def test_the_curriculum_page_links_the_coverage_for_its_teacher_only(
    cast: Cast, login, foundry: Foundry
) -> None:
    link = f'href="/learning/curricula/{foundry.curriculum.pk}/languages/"'
    assert link in body_of(login(cast.tess).get(f"/learning/curricula/{foundry.curriculum.pk}/"))
    assert link not in body_of(
        login(cast.dana).get(f"/learning/curricula/{foundry.curriculum.pk}/")
    )


def test_the_coordinator_reads_the_coverage(cast: Cast, login, foundry: Foundry) -> None:
    response = login(cast.alice).get(f"/learning/curricula/{foundry.curriculum.pk}/languages/")
    assert "Texts missing in the adepts' languages" in body_of(response)


@pytest.mark.parametrize("who", ["dana", "bob", "charlie"])
def test_the_coverage_is_refused_to_adepts_mentors_and_other_municipalities(
    cast: Cast, login, foundry: Foundry, who: str
) -> None:
    response = login(getattr(cast, who)).get(
        f"/learning/curricula/{foundry.curriculum.pk}/languages/"
    )
    assert response.status_code == 404


# --- the onboarding steps of the workplaces, after the safety notes ---------------------------


def moulding_steps(cast: Cast) -> tuple[Any, Any]:
    """The moulding adds two steps to its defaults (which come in every language): the key card
    in Swedish only, the safety shoes in Swedish and Arabic."""
    template = inclusion_services.template_for(cast.moulding)
    keys = inclusion_services.template_item_add(
        template=template, title="Hämta nyckelkort", due_days=2
    )
    shoes = inclusion_services.template_item_add(
        template=template, title="Prova skyddsskor", due_days=5
    )
    inclusion_services.template_item_update(
        item=shoes, title="Prova skyddsskor", due_days=5, translations={"title_ar": "جرّب الحذاء"}
    )
    return keys, shoes


def core_shop(cast: Cast) -> Workplace:
    """Another workplace of the foundry, with a step of its own in Swedish only."""
    shop = workplace_save(
        actor=SYSTEM, organisation=cast.foundry, name="Kärnmakeri", trade="Gjuteri"
    )
    template = inclusion_services.template_for(shop)
    inclusion_services.template_item_add(template=template, title="Lämna in telefonen", due_days=1)
    return shop


def test_a_step_missing_in_arabic_comes_after_the_safety_note_and_links_its_editor(
    cast: Cast, login, foundry: Foundry
) -> None:
    keys, _shoes = moulding_steps(cast)
    response = login(cast.alice).get(f"/learning/curricula/{foundry.curriculum.pk}/languages/")
    page = body_of(response)
    assert response.status_code == 200
    row = (
        '<tr class="onboarding">\n'
        f'        <td data-label="Task"><a href="/inclusion/template-steps/{keys.pk}/">'
        '<bdi lang="sv">Hämta nyckelkort</bdi></a></td>\n'
        '        <td data-label="Text">Onboarding step</td>\n'
        '        <td data-label="Missing in"><span lang="ar" dir="rtl">العربيّة</span></td>\n'
        "      </tr>"
    )
    assert row in page
    assert page.index('<tr class="safety">') < page.index(row) < page.index(">Where</td>")
    # The shoes have their Arabic version; the default steps have one too.
    assert "Prova skyddsskor" not in page
    assert page.count('<tr class="onboarding">') == 1


def test_the_teacher_sees_the_missing_step_without_its_editor(
    cast: Cast, login, foundry: Foundry
) -> None:
    keys, _shoes = moulding_steps(cast)
    coverage = selectors.curriculum_coverage(user=cast.tess, curriculum=foundry.curriculum)
    (moulding,) = [place for place in coverage["places"] if place.workplace == cast.moulding]
    assert [
        (gap.label, gap.field, [language.code for language in gap.languages], gap.url)
        for gap in moulding.gaps
        if gap.onboarding
    ] == [("Hämta nyckelkort", "Onboarding step", ["ar"], "")]
    page = body_of(login(cast.tess).get(f"/learning/curricula/{foundry.curriculum.pk}/languages/"))
    assert '<bdi lang="sv">Hämta nyckelkort</bdi></td>' in page
    assert f"/inclusion/template-steps/{keys.pk}/" not in page


def test_a_workplace_where_no_adept_is_placed_shows_none_of_its_steps(
    cast: Cast, login, foundry: Foundry
) -> None:
    core_shop(cast)
    response = login(cast.alice).get(f"/learning/curricula/{foundry.curriculum.pk}/languages/")
    page = body_of(response)
    assert response.status_code == 200
    assert "Kärnmakeri" not in page and "Lämna in telefonen" not in page


def test_the_steps_of_a_workplace_are_shown_to_who_sees_the_workplace_only(
    cast: Cast, login, foundry: Foundry
) -> None:
    shop = core_shop(cast)
    # Nadia reads Arabic; she is placed at the core shop without Tess's school.
    enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=make_user("nadia@elev.example", "Nadia Nasser", language="ar"),
        role="adept",
        workplace=shop,
        starts_on=date(2026, 9, 1),
    )
    url = f"/learning/curricula/{foundry.curriculum.pk}/languages/"
    alice = body_of(login(cast.alice).get(url))
    assert "<bdi>Kärnmakeri</bdi>" in alice and '<bdi lang="sv">Lämna in telefonen</bdi>' in alice
    tess = login(cast.tess).get(url)
    assert tess.status_code == 200
    page = body_of(tess)
    assert "Kärnmakeri" not in page and "Lämna in telefonen" not in page
    coverage = selectors.curriculum_coverage(user=cast.tess, curriculum=foundry.curriculum)
    # Only Dana's moulding: Erin, at finishing, reads Swedish.
    assert [place.workplace.name for place in coverage["places"]] == ["Formning"]


def test_the_coverage_reads_a_fixed_number_of_queries_whatever_the_workplaces(
    cast: Cast, foundry: Foundry, django_assert_num_queries
) -> None:
    moulding_steps(cast)
    place_adept(cast, "yonas@elev.example", "ti")  # a second place: finishing
    inclusion_services.template_item_add(
        template=inclusion_services.template_for(cast.finishing), title="Hämta overall", due_days=1
    )
    scope = organisations_access.scope_of(cast.alice)
    assert scope is not None and scope.memberships  # read once per request
    # Placed adepts, tasks, changeable tasks, workplaces, onboarding steps (one for both
    # places), whether she edits the curriculum, units, objectives.
    with django_assert_num_queries(8):
        coverage = selectors.curriculum_coverage(user=cast.alice, curriculum=foundry.curriculum)
    assert [
        [gap.label for gap in place.gaps if gap.onboarding] for place in coverage["places"]
    ] == [["Hämta overall"], ["Hämta nyckelkort"]]
