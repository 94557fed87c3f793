"""Inclusion and equality in the browser, on a 390 px phone; every page is checked with
check_page (axe, language, direction, width, console).

Raising a concern: Dana reports anonymously in Somali and follows her case with her private code,
signed out, in a browser of her own; Alice, the programme's named case handler (Swedish, second
factor), works it from received to closed, asks a question that Dana answers, and after each step
Dana sees the step in Somali.

Onboarding: Bob, the mentor, ticks off Dana's first steps in Swedish; Dana ticks off the rest in
Arabic and tells her language support.

Belonging: adepts answer a pulse in Somali and Arabic; the round closes, and the workplace's
figure appears only where 5 answered (4 at Efterbehandling stay hidden, 5 at Formning are shown)
for the manager and the coordinator, in Swedish and Arabic.
"""

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, FilePayload, Page, ViewportSize, expect

from smile.accounts.models import User
from smile.belonging import services as belonging
from smile.belonging.models import PulseAnswered, PulseResponse
from smile.belonging.statements import STATEMENTS
from smile.belonging.tests.fixtures import ALL_FOURS, add_adepts, close_round, open_round
from smile.equality import services
from smile.equality.models import Concern, ConcernMessage, MessageKind, Step
from smile.equality.selectors import STEP_EXPLANATIONS
from smile.inclusion.models import ChecklistItem, LanguageSupport
from tests.browser.conftest import Site
from tests.browser.helpers import (
    as_user,
    check_page,
    choose_language,
    in_language,
    log_out,
    screenshot,
    set_language_cookie,
    watch_console,
)

pytestmark = pytest.mark.browser

PHONE_390: ViewportSize = {"width": 390, "height": 844}
WHAT = "Kormeeraha ayaa igu qoslaya maalin kasta sababtoo ah luuqadayda."
ANSWER = "Waxay dhacday Talaadadii, shaqaale kale ayaa arkay."


def open_case_with_code(page: Page, site: Site, code: str) -> None:
    page.goto(site("/equality/follow/"))
    page.locator("input[name=code]").fill(code)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text(in_language("so", "My case"))


def test_an_anonymous_concern_in_somali_worked_to_closure(
    site: Site,
    context: BrowserContext,
    page: Page,
    browser: Browser,
    browser_context_args: dict[str, Any],
) -> None:
    cast = site.cast
    services.case_handler_add(programme=cast.programme, by=cast.alice, user=cast.alice)
    page.set_viewport_size(PHONE_390)

    # Dana, signed in, in Somali: from the equality start page to the form.
    as_user(site, context, page, cast.dana, "so")
    page.goto(site("/equality/"))
    check_page(page, "so")
    page.locator('main a[href="/equality/report/"]').click()
    expect(page).to_have_url(site("/equality/report/"))
    check_page(page, "so")
    screenshot(page, "concern-form-so")
    page.locator("input[name=kind][value=harassment]").check()
    page.locator("input[name=ground][value=ethnicity]").check()
    page.locator("input[name=place][value=workplace]").check()
    page.locator("textarea[name=what]").fill(WHAT)
    page.locator("input[name=anonymous][value=anonymous]").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text(in_language("so", "Your report is sent"))
    check_page(page, "so")
    screenshot(page, "concern-code-so")
    code = page.locator("main .secret code").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", code)
    concern = Concern.objects.get()
    assert concern.anonymous and concern.reporter is None
    log_out(page)

    # Her own browser, signed out, on the phone: she opens the case with her code.
    reporter = browser.new_context(**{**browser_context_args, "viewport": PHONE_390})
    set_language_cookie(reporter, site.url, "so")
    dana = reporter.new_page()
    watch_console(dana)
    dana.goto(site("/equality/follow/"))
    check_page(dana, "so")
    open_case_with_code(dana, site, code)
    expect(dana.locator("main")).to_contain_text(
        in_language("so", STEP_EXPLANATIONS[Step.RECEIVED])
    )
    check_page(dana, "so")

    # Alice, the named case handler, in Swedish with her second factor.
    as_user(site, context, page, cast.alice, "sv")
    page.goto(site("/equality/cases/"))
    check_page(page, "sv")
    page.locator(f'main a[href="/equality/cases/{concern.pk}/"]').click()
    expect(page).to_have_url(site(f"/equality/cases/{concern.pk}/"))
    expect(page.locator("main")).to_contain_text(WHAT)
    expect(page.locator("main")).not_to_contain_text("Dana")
    check_page(page, "sv")
    screenshot(page, "concern-case-sv")

    def alice_moves_to(step: Step, word: str = "") -> None:
        page.locator("select[name=step-step]").select_option(str(step))
        if word:
            page.locator("textarea[name=step-message]").fill(word)
        page.locator("form:has(input[name=action][value=step]) button[type=submit]").click()
        expect(page).to_have_url(site(f"/equality/cases/{concern.pk}/"))
        expect(page.locator("#step-heading")).to_contain_text(in_language("sv", step.label))
        check_page(page, "sv")

    def dana_sees(step: Step) -> None:
        open_case_with_code(dana, site, code)
        current = dana.locator("main li[aria-current=step]")
        expect(current).to_contain_text(in_language("so", step.label))
        expect(current).to_contain_text(in_language("so", STEP_EXPLANATIONS[step]))
        check_page(dana, "so")

    alice_moves_to(Step.ACKNOWLEDGED, "Waan helnay. Waan ka shaqeyn doonnaa.")
    page.locator("textarea[name=ask-text]").fill("Yaa kale oo goobta joogay?")
    page.locator("form:has(input[name=action][value=ask]) button[type=submit]").click()
    check_page(page, "sv")
    dana_sees(Step.ACKNOWLEDGED)
    expect(dana.locator("main")).to_contain_text("Yaa kale oo goobta joogay?")
    screenshot(dana, "concern-follow-so")

    # Dana answers the question through her code.
    dana.locator("textarea[name=text]").fill(ANSWER)
    dana.locator("main form button[name=send_answer]").click()
    expect(dana.locator("main .messages[role=status]")).to_contain_text(
        in_language("so", "Your message is sent to the case handlers.")
    )
    check_page(dana, "so")
    answer = ConcernMessage.objects.get(kind=MessageKind.ANSWER)
    assert answer.author is None

    page.reload()
    expect(page.locator("main")).to_contain_text(ANSWER)
    for step in (Step.INVESTIGATING, Step.MEASURES, Step.FOLLOWED_UP):
        alice_moves_to(step)
        dana_sees(step)
    alice_moves_to(Step.CLOSED, "Mahadsanid. Kiiska waa la xiray.")
    dana_sees(Step.CLOSED)
    expect(dana.locator("main")).to_contain_text("Mahadsanid. Kiiska waa la xiray.")
    expect(dana.locator("textarea[name=text]")).to_have_count(0)
    concern.refresh_from_db()
    assert concern.step == Step.CLOSED
    reporter.close()


def test_a_named_concern_in_arabic_right_to_left(
    site: Site, context: BrowserContext, page: Page
) -> None:
    """The same form right to left: Dana reports with her name in Arabic, a wrong file is
    refused with what she typed kept, and she follows the case signed in."""
    cast = site.cast
    services.case_handler_add(programme=cast.programme, by=cast.alice, user=cast.alice)
    page.set_viewport_size(PHONE_390)
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site("/equality/report/"))
    check_page(page, "ar")
    page.locator("input[name=kind][value=discrimination]").check()
    page.locator("input[name=place][value=school]").check()
    page.locator("textarea[name=what]").fill("قال المعلم إن النساء لا يصلحن لهذا العمل.")
    page.locator("input[name=anonymous][value=named]").check()
    not_a_photo: FilePayload = {
        "name": "photo.jpg",
        "mimeType": "image/jpeg",
        "buffer": b"<html></html>",
    }
    page.locator("input[name=attachment]").set_input_files(files=[not_a_photo])
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main .errorlist")).to_contain_text(
        in_language("ar", "This kind of file cannot be sent. Send a photo (JPEG or PNG) or a PDF.")
    )
    expect(page.locator("textarea[name=what]")).to_have_value(
        "قال المعلم إن النساء لا يصلحن لهذا العمل."
    )
    assert Concern.objects.count() == 0
    check_page(page, "ar")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/equality/mine/\d+/$"))
    expect(page.locator("main li[aria-current=step]")).to_contain_text(
        in_language("ar", Step.RECEIVED.label)
    )
    check_page(page, "ar")
    screenshot(page, "concern-mine-ar")


def _tick_first_open(page: Page) -> None:
    page.locator('main form[action$="/tick/"]:not(:has(input[name=done])) button').first.click()


def test_a_checklist_is_completed_by_mentor_and_adept(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    checklist = site(f"/inclusion/checklists/{cast.dana_enrolment.pk}/")
    page.set_viewport_size(PHONE_390)
    as_user(site, context, page, cast.bob, "sv")
    page.locator('main a[href="/inclusion/"]').click()
    expect(page).to_have_url(site("/inclusion/"))
    check_page(page, "sv")
    page.locator(f'main a[href="/inclusion/checklists/{cast.dana_enrolment.pk}/"]').click()
    expect(page).to_have_url(checklist)
    check_page(page, "sv")
    for _ in range(3):
        _tick_first_open(page)
        expect(page).to_have_url(checklist)
    expect(page.locator("main")).to_contain_text("3 av 6 steg klara")
    check_page(page, "sv")
    log_out(page)

    as_user(site, context, page, cast.dana, "ar")
    page.locator('main a[href="/inclusion/"]').click()
    check_page(page, "ar")
    page.locator(f'main a[href="/inclusion/checklists/{cast.dana_enrolment.pk}/"]').click()
    expect(page.locator("main")).to_contain_text("التعريف بالسلامة")
    check_page(page, "ar")
    for _ in range(3):
        _tick_first_open(page)
        expect(page).to_have_url(checklist)
    expect(page.locator("main")).to_contain_text("أُنجزت 6 من 6 خطوات")
    check_page(page, "ar")
    done_by = set(
        ChecklistItem.objects.filter(enrolment=cast.dana_enrolment).values_list(
            "done_by__full_name", flat=True
        )
    )
    assert done_by == {"Bob Berg", "Dana Darwish"}

    page.goto(site(f"/inclusion/languages/{cast.dana_enrolment.pk}/"))
    check_page(page, "ar")
    page.locator('input[name=swedish_level][value="a2"]').check()
    page.locator("#id_wants_interpreter").check()
    page.locator("#id_interpreter_language").select_option("ar")
    page.locator("main form.stack button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("تم الحفظ")
    check_page(page, "ar")
    support = LanguageSupport.objects.get(enrolment=cast.dana_enrolment)
    assert (support.swedish_level, support.wants_interpreter, support.interpreter_language) == (
        "a2",
        True,
        "ar",
    )


HIDDEN = "Fewer than %(minimum)s answered — not shown"


def answer_pulse(
    site: Site, context: BrowserContext, page: Page, user: User, language: str, round_pk: int
) -> None:
    as_user(site, context, page, user, language)
    page.goto(site(f"/belonging/rounds/{round_pk}/answer/"))
    check_page(page, language)
    expect(page.locator("main legend").first).to_contain_text(
        in_language(language, "I feel welcome at my workplace")
    )
    # Sending with nothing chosen: each statement says what is missing, nothing is saved.
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main .error")).to_have_count(len(STATEMENTS))
    check_page(page, language)
    for statement in STATEMENTS:
        page.locator(f"label[for=id_{statement.code}_4]").click()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site("/belonging/"))
    expect(page.locator("main")).to_contain_text(
        in_language(language, "Thank you. Your answers are saved without your name.")
    )
    check_page(page, language)
    log_out(page)


def test_a_pulse_round_closes_and_the_workplace_figure_appears_only_at_five(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    page.set_viewport_size(PHONE_390)
    moulding = [cast.dana, *add_adepts(cast, 4, workplace=cast.moulding, prefix="m")]
    finishing = add_adepts(cast, 4, workplace=cast.finishing, prefix="f")
    round_ = open_round()
    answer_pulse(site, context, page, cast.dana, "so", round_.pk)
    answer_pulse(site, context, page, moulding[1], "ar", round_.pk)
    answer_pulse(site, context, page, finishing[0], "ar", round_.pk)
    for person in moulding[2:] + finishing[1:]:
        belonging.pulse_answer(user=person, round_=round_, answers=ALL_FOURS)
    assert PulseResponse.objects.filter(workplace=cast.moulding).count() == 5
    assert PulseResponse.objects.filter(workplace=cast.finishing).count() == 4

    # While the round is open nothing is shown: a count growing live would point at people.
    as_user(site, context, page, cast.mona, "sv")
    page.goto(site(f"/belonging/workplaces/{cast.moulding.pk}/"))
    expect(page.locator("main")).to_contain_text("Ingen omgång har avslutats än.")
    check_page(page, "sv")

    close_round(round_)
    assert not PulseAnswered.objects.exists()

    for language in ("sv", "ar"):
        if language == "ar":
            choose_language(page, "ar")
        page.goto(site("/belonging/"))
        check_page(page, language)
        page.goto(site(f"/belonging/workplaces/{cast.moulding.pk}/"))
        check_page(page, language)
        expect(page.locator("main svg.chart")).to_have_count(1)
        expect(page.locator("main table.cards tbody td").first).to_have_text("5")
        expect(page.locator("main")).not_to_contain_text(
            in_language(language, HIDDEN) % {"minimum": 5}
        )
        page.goto(site(f"/belonging/workplaces/{cast.finishing.pk}/"))
        check_page(page, language)
        expect(page.locator("main svg.chart")).to_have_count(0)
        expect(page.locator("main")).to_contain_text(in_language(language, HIDDEN) % {"minimum": 5})
    log_out(page)

    as_user(site, context, page, cast.alice, "sv")
    for language in ("sv", "ar"):
        if language == "ar":
            choose_language(page, "ar")
        page.goto(site(f"/belonging/programmes/{cast.programme.pk}/"))
        check_page(page, language)
        expect(page.locator("main svg.chart")).to_have_count(1)
        expect(page.locator("main")).to_contain_text(in_language(language, HIDDEN) % {"minimum": 5})
    page.locator("main select[name=cadence_weeks]").select_option("8")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main select[name=cadence_weeks]")).to_have_value("8")
    check_page(page, "ar")
