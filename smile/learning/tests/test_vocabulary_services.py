"""The rules of the words of the trade: who writes them, what a word must be, practising, files."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from smile.core.errors import ApplicationError
from smile.learning.models import Term, TermPractice
from smile.learning.tests.vocabulary_fixtures import Words, build_words, png
from smile.learning.vocabulary import selectors, services, transfer
from tests.cast import Cast


@pytest.fixture
def words(cast: Cast) -> Words:
    return build_words(cast)


def snapshot() -> list[tuple[object, ...]]:
    return list(
        Term.objects.order_by("pk").values_list(
            "pk", "swedish", "explanation", "translations", "picture"
        )
    )


# --- writing a word ---------------------------------------------------------------------------


def test_the_teacher_adds_a_word_to_the_curriculum(cast: Cast, words: Words) -> None:
    term = services.term_create(
        actor=cast.tess,
        curriculum=words.curriculum,
        swedish="  smält   metall ",
        explanation="Metall som är så varm att den flyter.",
        translations={"en": "molten metal", "ar": " معدن منصهر ", "uk": ""},
    )
    term.refresh_from_db()
    assert term.swedish == "smält metall"
    assert term.curriculum == words.curriculum and term.workplace is None
    # Languages in their order, empty ones left out.
    assert list(term.translations.items()) == [("ar", "معدن منصهر"), ("en", "molten metal")]


def test_bob_writes_the_words_of_his_workplace_but_not_of_another(cast: Cast, words: Words) -> None:
    term = services.term_create(actor=cast.bob, workplace=cast.moulding, swedish="skänk")
    assert term.workplace == cast.moulding
    before = snapshot()
    with pytest.raises(
        ApplicationError, match=re.escape("You cannot change the words of this workplace.")
    ):
        services.term_create(actor=words.otto, workplace=cast.moulding, swedish="slagg")
    with pytest.raises(ApplicationError, match=re.escape("You cannot change this word.")):
        services.term_update(
            actor=words.otto, term=words.goggles, swedish="x", explanation="", translations={}
        )
    with pytest.raises(ApplicationError, match=re.escape("You cannot change this word.")):
        services.term_delete(actor=words.otto, term=words.goggles)
    assert snapshot() == before


@pytest.mark.parametrize("name", ["dana", "mona", "charlie", "bob"])
def test_others_cannot_write_the_curriculum_words(cast: Cast, words: Words, name: str) -> None:
    before = snapshot()
    with pytest.raises(
        ApplicationError, match=re.escape("You cannot change the words of this curriculum.")
    ):
        services.term_create(
            actor=getattr(cast, name), curriculum=words.curriculum, swedish="slagg"
        )
    with pytest.raises(ApplicationError, match=re.escape("You cannot change this word.")):
        services.term_delete(actor=getattr(cast, name), term=words.mould)
    assert snapshot() == before


def test_an_empty_word_is_refused(cast: Cast, words: Words) -> None:
    with pytest.raises(
        ApplicationError, match=re.escape("Write the word or phrase in Swedish.")
    ) as caught:
        services.term_create(actor=cast.tess, curriculum=words.curriculum, swedish="   ")
    assert caught.value.field == "swedish"
    assert Term.objects.count() == 3


def test_the_same_word_twice_is_refused_whatever_its_capitals(cast: Cast, words: Words) -> None:
    services.term_create(actor=cast.tess, curriculum=words.curriculum, swedish="Ämne")
    with pytest.raises(ApplicationError, match=re.escape("“ämne” is already in the list.")):
        services.term_create(actor=cast.tess, curriculum=words.curriculum, swedish="ämne")
    with pytest.raises(ApplicationError, match=re.escape("“GJUTFORM” is already in the list.")):
        services.term_update(
            actor=cast.tess, term=words.sand, swedish="GJUTFORM", explanation="", translations={}
        )
    # The same word in another list is another word.
    services.term_create(actor=cast.bob, workplace=cast.moulding, swedish="gjutform")
    assert Term.objects.filter(swedish__iexact="gjutform").count() == 2


def test_a_file_that_is_not_a_picture_is_refused(cast: Cast, words: Words) -> None:
    fake = SimpleUploadedFile("photo.jpg", b"not a picture at all", content_type="image/jpeg")
    with pytest.raises(
        ApplicationError, match=re.escape("This file is not a picture we can use.")
    ) as caught:
        services.term_create(
            actor=cast.tess, curriculum=words.curriculum, swedish="slagg", picture=fake
        )
    assert caught.value.field == "picture"
    assert not Term.objects.filter(swedish="slagg").exists()


def test_a_picture_is_kept_replaced_and_removed(
    cast: Cast, words: Words, settings, tmp_path, django_capture_on_commit_callbacks
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    term = services.term_create(
        actor=cast.tess, curriculum=words.curriculum, swedish="slagg", picture=png()
    )
    first = str(term.picture.name)
    assert first.startswith("terms/") and first.endswith(".jpg")
    assert (tmp_path / first).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.term_update(
            actor=cast.tess,
            term=term,
            swedish="slagg",
            explanation="",
            translations={},
            picture=png("new.png"),
        )
    second = Term.objects.get(pk=term.pk).picture.name
    assert second != first and (tmp_path / second).exists()
    assert not (tmp_path / first).exists()  # the old file is gone
    with django_capture_on_commit_callbacks(execute=True):
        services.term_update(
            actor=cast.tess,
            term=term,
            swedish="slagg",
            explanation="",
            translations={},
            remove_picture=True,
        )
    assert not Term.objects.get(pk=term.pk).picture
    assert not (tmp_path / second).exists()


def test_update_and_delete(cast: Cast, words: Words) -> None:
    services.term_update(
        actor=cast.bob,
        term=words.goggles,
        swedish="skyddsglasögon",
        explanation="Bär dem alltid vid ugnen.",
        translations={"ar": "نظارات", "so": "muraayad"},
    )
    words.goggles.refresh_from_db()
    assert words.goggles.explanation == "Bär dem alltid vid ugnen."
    assert words.goggles.translations == {"ar": "نظارات", "so": "muraayad"}
    services.term_delete(actor=cast.alice, term=words.goggles)
    assert not Term.objects.filter(pk=words.goggles.pk).exists()


# --- practising -------------------------------------------------------------------------------


def test_her_words_are_those_of_her_curricula_and_her_workplace(cast: Cast, words: Words) -> None:
    other = Term.objects.create(workplace=cast.finishing, swedish="slipmaskin")
    assert {t.swedish for t in selectors.word_list(user=cast.dana)} == {
        "gjutform",
        "formsand",
        "skyddsglasögon",
    }
    assert {t.swedish for t in selectors.word_list(user=cast.erin)} == {
        "gjutform",
        "formsand",
        other.swedish,
    }
    assert selectors.word_list(user=cast.bob) == []


def test_practising_counts_times_and_remembers_the_last_answer(cast: Cast, words: Words) -> None:
    services.term_practise(user=cast.dana, term=words.mould, known=False)
    practice = services.term_practise(user=cast.dana, term=words.mould, known=True)
    assert (practice.times, practice.known) == (2, True)
    services.term_practise(user=cast.dana, term=words.mould, known=False)
    practice.refresh_from_db()
    assert (practice.times, practice.known) == (3, False)


def test_she_cannot_practise_a_word_that_is_not_hers(cast: Cast, words: Words) -> None:
    with pytest.raises(ApplicationError, match=re.escape("This word is not in your list.")):
        services.term_practise(user=cast.erin, term=words.goggles, known=True)
    assert not TermPractice.objects.exists()


def test_the_next_card_is_a_word_not_known_yet_the_least_practised_first(
    cast: Cast, words: Words
) -> None:
    dana = cast.dana
    # A to Ö among equals: formsand, gjutform, skyddsglasögon.
    assert selectors.next_card(user=dana) == words.sand
    services.term_practise(user=dana, term=words.sand, known=False)
    assert selectors.next_card(user=dana) == words.mould
    services.term_practise(user=dana, term=words.mould, known=True)
    assert selectors.next_card(user=dana) == words.goggles
    services.term_practise(user=dana, term=words.goggles, known=False)
    # Known words last; of the two not known, both practised once: A to Ö.
    assert selectors.next_card(user=dana) == words.sand
    services.term_practise(user=dana, term=words.sand, known=False)
    assert selectors.next_card(user=dana) == words.goggles
    assert selectors.known_count(user=dana) == (1, 3)
    services.term_practise(user=dana, term=words.goggles, known=True)
    services.term_practise(user=dana, term=words.sand, known=True)
    assert selectors.known_count(user=dana) == (3, 3)
    # All known: the least practised comes back first.
    assert selectors.next_card(user=dana) == words.mould
    # Another person's practice is hers alone.
    assert selectors.known_count(user=cast.erin) == (0, 2)


# --- import and export ------------------------------------------------------------------------


def csv_file(text: str) -> bytes:
    return text.encode("utf-8")


def test_an_import_adds_and_changes_words(cast: Cast, words: Words) -> None:
    content = csv_file(
        "swedish,explanation,ar,en,notes\n"
        "slagg,Det som flyter upp på metallen.,خبث,slag,x\n"
        "Gjutform,Formen.,قالب,,x\n"
    )
    report = transfer.terms_import(
        actor=cast.tess, curriculum=words.curriculum, filename="words.csv", content=content
    )
    assert report.ok and (report.created, report.updated) == (1, 1)
    assert report.notices == ["These columns are not used and were ignored: notes."]
    slag = Term.objects.get(curriculum=words.curriculum, swedish="slagg")
    assert slag.translations == {"ar": "خبث", "en": "slag"}
    words.mould.refresh_from_db()
    assert words.mould.swedish == "Gjutform"  # found whatever its capitals, written as the file
    assert words.mould.explanation == "Formen."
    assert words.mould.translations == {"ar": "قالب"}  # an empty cell empties


def test_an_import_with_one_bad_row_writes_nothing(cast: Cast, words: Words) -> None:
    before = snapshot()
    content = csv_file(
        "svenska;förklaring;ar\n"
        "slagg;Det som flyter upp.;خبث\n"
        ";Ingen ord;x\n"
        "skänk;" + "x" * 301 + ";\n"
        "SLAGG;igen;\n"
    )
    report = transfer.terms_import(
        actor=cast.tess, curriculum=words.curriculum, filename="words.csv", content=content
    )
    assert not report.ok
    assert [str(error) for error in report.errors] == [
        "Row 3, svenska: Write the word or phrase in Swedish.",
        "Row 4, förklaring: Use at most 300 characters.",
        "Row 5, svenska: This word is already on row 2.",
    ]
    assert snapshot() == before


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("words.txt", b"swedish\nx\n", "Upload a CSV file (.csv) or an Excel workbook (.xlsx)."),
        ("words.csv", b"ord2,ar\nx,y\n", "The file has no column “swedish”"),
        ("words.csv", b"swedish\n", "The file has no rows under the header."),
        ("words.xlsx", b"PK not really", "The file could not be read as an Excel workbook"),
    ],
)
def test_a_file_that_cannot_be_used_is_refused(
    cast: Cast, words: Words, filename: str, content: bytes, message: str
) -> None:
    before = snapshot()
    report = transfer.terms_import(
        actor=cast.bob, workplace=cast.moulding, filename=filename, content=content
    )
    assert not report.ok and len(report.file_errors) == 1
    assert report.file_errors[0].startswith(message)
    assert snapshot() == before


def test_only_editors_import(cast: Cast, words: Words) -> None:
    with pytest.raises(ApplicationError):
        transfer.terms_import(
            actor=words.otto, workplace=cast.moulding, filename="w.csv", content=b"swedish\nx\n"
        )
    assert Term.objects.count() == 3


def test_an_export_reads_back_the_same_words_and_holds_no_formula(cast: Cast, words: Words) -> None:
    Term.objects.create(curriculum=words.curriculum, swedish="=1+1", explanation="-minus")
    terms = list(selectors.owner_terms(curriculum=words.curriculum))
    data = transfer.terms_export(terms=terms, fmt="csv").decode("utf-8")
    assert data.startswith("\ufeffswedish,explanation,ar,uk,ti,so,prs,fa,en\r\n")
    assert "'=1+1,'-minus,,,,,,," in data
    sheet = load_workbook(io.BytesIO(transfer.terms_export(terms=terms, fmt="xlsx"))).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("swedish", "explanation", "ar", "uk", "ti", "so", "prs", "fa", "en")
    assert rows[1][:2] == ("'=1+1", "'-minus")
    assert sheet["A2"].data_type == "s"
    assert rows[3] == (
        "gjutform",
        "Formen som metallen hälls i.",
        "قالب الصب",
        None,
        None,
        None,
        None,
        None,
        "casting mould",
    )
    before = snapshot()
    # The export read back changes nothing, from CSV and from XLSX alike.
    for fmt in ("csv", "xlsx"):
        report = transfer.terms_import(
            actor=cast.tess,
            curriculum=words.curriculum,
            filename=f"words.{fmt}",
            content=transfer.terms_export(terms=terms, fmt=fmt),
        )
        assert report.ok and report.updated == 3, report.errors
        assert snapshot() == before


def test_an_excel_file_is_read(cast: Cast, words: Words) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Swedish", "English", "Somali"])
    sheet.append(["ugn", "furnace", "foorno"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = transfer.terms_import(
        actor=cast.bob, workplace=cast.moulding, filename="W.XLSX", content=buffer.getvalue()
    )
    assert report.ok and report.created == 1
    assert Term.objects.get(swedish="ugn").translations == {"so": "foorno", "en": "furnace"}
