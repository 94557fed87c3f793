"""The words of the trade in the browser: dana, in Arabic on a small phone, opens her words, hears
one read aloud in Swedish (the browser's speech synthesis, stubbed to record what it is asked to
say), and practises a card; every page is accessible, in Arabic, and fits the phone.
"""

import pytest
from django.utils import translation
from playwright.sync_api import BrowserContext, Page, expect

from smile.learning.models import TermPractice
from smile.learning.tests.vocabulary_fixtures import build_words
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, log_out, screenshot

pytestmark = pytest.mark.browser

# Runs before the page's own scripts: a speechSynthesis that records instead of speaking.
RECORD_SPEECH = """
window.__spoken = [];
window.SpeechSynthesisUtterance = function (text) {
  this.text = text; this.lang = ""; this.rate = 1;
};
Object.defineProperty(window, "speechSynthesis", {
  configurable: true,
  value: {
    speak: function (utterance) {
      window.__spoken.push({text: utterance.text, lang: utterance.lang, rate: utterance.rate});
    },
    cancel: function () {},
  },
});
"""


def known_text(known: int, total: int) -> str:
    """The count line as it reads in Arabic (translated or not yet)."""
    with translation.override("ar"):
        return translation.ngettext(
            "You know %(known)s of %(total)s word", "You know %(known)s of %(total)s words", total
        ) % {"known": known, "total": total}


def test_dana_listens_to_a_word_and_practises_it_in_arabic(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    words = build_words(cast)
    page.add_init_script(RECORD_SPEECH)
    as_user(site, context, page, cast.dana, "ar")

    # Her home says how many words she knows and leads to them.
    page.goto(site("/home/adept/"))
    card = page.locator("section[aria-labelledby=vocabulary-home-heading]")
    expect(card).to_contain_text(known_text(0, 3))
    check_page(page, "ar")
    page.goto(site("/learning/words/"))
    check_page(page, "ar")
    screenshot(page, "vocabulary-words-ar")
    word = page.locator("li.vocabulary-word", has=page.locator("h2", has_text="gjutform"))
    expect(word.locator('bdi[lang="ar"][dir="rtl"]')).to_have_text("قالب الصب")
    listen = word.locator("button[data-speak]")
    expect(listen).to_be_visible()
    listen.click()
    spoken = page.evaluate("window.__spoken")
    assert spoken == [{"text": "gjutform", "lang": "sv-SE", "rate": 0.8}]

    # One card: the word, the answer behind a disclosure, and "I knew it".
    page.locator("main a[href='/learning/words/practise/']").first.click()
    expect(page).to_have_url(site("/learning/words/practise/"))
    check_page(page, "ar")
    count = page.locator("#vocabulary-count")
    expect(count).to_have_text(known_text(0, 3))
    expect(page.locator("#vocabulary-card-word")).to_have_text("formsand")
    answer = page.locator("details bdi[lang=ar]")
    expect(answer).not_to_be_visible()
    page.locator("details summary").click()
    expect(answer).to_have_text("رمل القوالب")
    page.locator(".vocabulary-card button[data-speak]").click()
    assert page.evaluate("window.__spoken") == [{"text": "formsand", "lang": "sv-SE", "rate": 0.8}]
    page.locator("button[name=known][value=yes]").click()
    expect(page).to_have_url(site("/learning/words/practise/"))
    expect(page.locator("#vocabulary-card-word")).to_have_text("gjutform")
    expect(count).to_have_text(known_text(1, 3))
    check_page(page, "ar")
    screenshot(page, "vocabulary-practise-ar")
    practice = TermPractice.objects.get(user=cast.dana)
    assert (practice.term_id, practice.known, practice.times) == (words.sand.pk, True, 1)


def test_editors_pages_in_swedish_and_no_listen_button_without_speech(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    words = build_words(cast)
    as_user(site, context, page, cast.tess, "sv")
    page.goto(site("/learning/words/manage/"))
    check_page(page, "sv")
    page.locator(f"a[href='/learning/words/curriculum/{words.curriculum.pk}/']").click()
    check_page(page, "sv")
    page.locator(f"a[href='/learning/words/curriculum/{words.curriculum.pk}/new/']").click()
    page.locator("input[name=tr_ar]").fill("خبث")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("input[name=tr_ar]")).to_have_value("خبث")
    check_page(page, "sv")
    screenshot(page, "vocabulary-term-form-sv")
    page.goto(site(f"/learning/words/curriculum/{words.curriculum.pk}/import/"))
    check_page(page, "sv")
    page.goto(site(f"/learning/words/{words.mould.pk}/edit/"))
    check_page(page, "sv")

    # A browser that cannot speak shows no Listen button.
    page.add_init_script(
        'Object.defineProperty(window, "speechSynthesis", {configurable: true, value: undefined});'
    )
    log_out(page)
    as_user(site, context, page, cast.dana, "sv")
    page.goto(site("/learning/words/"))
    expect(page.locator("button[data-speak]")).to_have_count(3)
    expect(page.locator("button[data-speak]").first).to_be_hidden()
