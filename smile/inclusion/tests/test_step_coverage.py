"""Which onboarding steps of a workplace have no version in the languages of the adepts placed
there: the read the coverage page of a curriculum (smile.learning) lists after the safety notes."""

from smile.inclusion import services
from smile.inclusion.models import TemplateItem
from smile.inclusion.selectors import missing_languages_by_workplace
from smile.organisations.access import scope_of
from smile.organisations.models import Workplace
from tests.cast import Cast


def keys_and_shoes(cast: Cast) -> tuple[TemplateItem, TemplateItem]:
    """Two steps the moulding adds to its defaults: the key card in Swedish only, the safety
    shoes in Swedish and Arabic."""
    template = services.template_for(cast.moulding)
    keys = services.template_item_add(template=template, title="Hämta nyckelkort", due_days=2)
    shoes = services.template_item_add(template=template, title="Prova skyddsskor", due_days=5)
    services.template_item_update(
        item=shoes,
        title="Prova skyddsskor",
        due_days=5,
        translations={"title_ar": "جرّب حذاء السلامة"},
    )
    return keys, shoes


def summary(found: dict[int, list]) -> dict[int, list[tuple[str, list[str], bool]]]:
    return {
        pk: [(step.title, step.missing, step.editable) for step in steps]
        for pk, steps in found.items()
    }


def test_a_step_without_arabic_is_missing_where_an_adept_reads_arabic(cast: Cast) -> None:
    keys, _shoes = keys_and_shoes(cast)
    found = missing_languages_by_workplace([cast.moulding], {cast.moulding.pk: ["ar"]})
    # The default steps come in every language; the shoes have their Arabic version.
    assert summary(found) == {cast.moulding.pk: [("Hämta nyckelkort", ["ar"], False)]}
    assert found[cast.moulding.pk][0].item == keys


def test_each_language_asked_for_is_told_in_the_order_given_and_swedish_never(
    cast: Cast,
) -> None:
    keys_and_shoes(cast)
    found = missing_languages_by_workplace(
        [cast.moulding.pk], {cast.moulding.pk: ["sv", "ar", "ti"]}
    )
    assert summary(found) == {
        cast.moulding.pk: [
            ("Hämta nyckelkort", ["ar", "ti"], False),
            ("Prova skyddsskor", ["ti"], False),
        ]
    }


def test_a_workplace_without_languages_to_read_gets_nothing(cast: Cast) -> None:
    keys_and_shoes(cast)
    finishing = services.template_for(cast.finishing)
    services.template_item_add(template=finishing, title="Hämta overall", due_days=1)
    found = missing_languages_by_workplace(
        [cast.moulding, cast.finishing], {cast.moulding.pk: [], cast.finishing.pk: ["sv"]}
    )
    assert found == {}


def test_a_workplace_without_a_template_gets_nothing(cast: Cast) -> None:
    assert missing_languages_by_workplace([cast.finishing], {cast.finishing.pk: ["ar"]}) == {}


def test_the_step_is_editable_for_who_keeps_the_template_only(cast: Cast) -> None:
    keys_and_shoes(cast)
    languages = {cast.moulding.pk: ["ar"]}
    for person, editable in ((cast.mona, True), (cast.alice, True), (cast.tess, False)):
        found = missing_languages_by_workplace([cast.moulding], languages, editor=person)
        assert summary(found) == {cast.moulding.pk: [("Hämta nyckelkort", ["ar"], editable)]}


def test_one_query_whatever_the_number_of_workplaces(cast: Cast, django_assert_num_queries) -> None:
    keys_and_shoes(cast)
    finishing = services.template_for(cast.finishing)
    services.template_item_add(template=finishing, title="Hämta overall", due_days=1)
    places = list(Workplace.objects.filter(pk__in=[cast.moulding.pk, cast.finishing.pk]))
    languages = {cast.moulding.pk: ["ar"], cast.finishing.pk: ["uk"]}
    # Her memberships are read once per request, by any page she opens before this.
    scope = scope_of(cast.alice)
    assert scope is not None and scope.memberships
    with django_assert_num_queries(1):
        found = missing_languages_by_workplace(places, languages, editor=cast.alice)
    assert summary(found) == {
        cast.moulding.pk: [("Hämta nyckelkort", ["ar"], True)],
        cast.finishing.pk: [("Hämta overall", ["uk"], True)],
    }
