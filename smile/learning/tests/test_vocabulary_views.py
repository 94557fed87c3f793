"""The words of the trade on screen: the adept's list and flashcards, the editors' lists."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from smile.learning.models import Term, TermPractice
from smile.learning.tests.vocabulary_fixtures import Words, build_words, png
from tests.cast import Cast
from tests.pages import body_of


@pytest.fixture
def words(cast: Cast) -> Words:
    return build_words(cast)


def snapshot() -> list[tuple[object, ...]]:
    return list(
        Term.objects.order_by("pk").values_list(
            "pk", "swedish", "explanation", "translations", "picture"
        )
    )


# --- the adept's words ------------------------------------------------------------------------


def test_dana_sees_her_words_in_swedish_and_arabic_with_a_listen_button(
    cast: Cast, words: Words, login
) -> None:
    response = login(cast.dana).get("/learning/words/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<h2 lang="sv"><bdi>gjutform</bdi></h2>' in content
    assert '<p class="big"><bdi lang="ar" dir="rtl">قالب الصب</bdi></p>' in content
    assert '<p lang="sv"><bdi>Formen som metallen hälls i.</bdi></p>' in content
    assert 'data-speak="skyddsglasögon"' in content  # her workplace's word too
    assert content.count("data-speak=") == 3
    assert '<script src="/static/js/vocabulary.js" defer></script>' in content
    assert "You know 0 of 3 words" in content
    assert "casting mould" not in content  # not her language


def test_erin_sees_the_curriculum_words_but_not_another_workplace_s(
    cast: Cast, words: Words, login
) -> None:
    content = body_of(login(cast.erin).get("/learning/words/"))
    assert "gjutform" in content and "formsand" in content
    assert "skyddsglasögon" not in content


@pytest.mark.parametrize("name", ["bob", "charlie", "mona", "tess"])
def test_those_who_are_no_adept_have_no_word_list(
    cast: Cast, words: Words, login, name: str
) -> None:
    client = login(getattr(cast, name))
    assert client.get("/learning/words/").status_code == 404
    assert client.get("/learning/words/practise/").status_code == 404


def test_the_word_list_costs_the_same_queries_for_2_and_20_words(
    cast: Cast, words: Words, login
) -> None:
    client = login(cast.dana)
    Term.objects.filter(pk=words.goggles.pk).delete()  # 2 words

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/learning/words/").status_code == 200
        return len(queries)

    two = count()
    for i in range(18):
        term = Term.objects.create(
            curriculum=words.curriculum, swedish=f"ord {i:02d}", translations={"ar": "كلمة"}
        )
        TermPractice.objects.create(user=cast.dana, term=term, known=i % 2 == 0, times=1)
    assert Term.objects.count() == 20
    assert count() == two


# --- practising -------------------------------------------------------------------------------


def test_dana_practises_a_card_and_her_count_goes_up(cast: Cast, words: Words, login) -> None:
    client = login(cast.dana)
    content = body_of(client.get("/learning/words/practise/"))
    assert "You know 0 of 3 words" in content
    assert '<h2 id="vocabulary-card-word" lang="sv"><bdi>formsand</bdi></h2>' in content
    assert "<summary>Show the answer</summary>" in content
    assert '<bdi lang="ar" dir="rtl">رمل القوالب</bdi>' in content
    response = client.post(
        "/learning/words/practise/answer/", {"term": words.sand.pk, "known": "yes"}
    )
    assert response.status_code == 302 and response["Location"] == "/learning/words/practise/"
    practice = TermPractice.objects.get(user=cast.dana, term=words.sand)
    assert (practice.known, practice.times) == (True, 1)
    content = body_of(client.get("/learning/words/practise/"))
    assert "You know 1 of 3 words" in content
    assert "<bdi>gjutform</bdi></h2>" in content  # the next one not known yet
    response = client.post(
        "/learning/words/practise/answer/", {"term": words.mould.pk, "known": "no"}
    )
    assert (response.status_code, response["Location"]) == (302, "/learning/words/practise/")
    assert TermPractice.objects.get(user=cast.dana, term=words.mould).known is False
    assert "You know 1 of 3 words" in body_of(client.get("/learning/words/"))


@pytest.mark.parametrize(
    "data",
    [{"known": "yes"}, {"term": "abc", "known": "yes"}, {"term": "PK", "known": "maybe"}],
)
def test_a_bad_answer_changes_nothing(cast: Cast, words: Words, login, data) -> None:
    data = {key: str(words.sand.pk) if value == "PK" else value for key, value in data.items()}
    response = login(cast.dana).post("/learning/words/practise/answer/", data)
    assert response.status_code == 404
    assert not TermPractice.objects.exists()


def test_erin_cannot_practise_a_word_of_dana_s_workplace(cast: Cast, words: Words, login) -> None:
    response = login(cast.erin).post(
        "/learning/words/practise/answer/", {"term": words.goggles.pk, "known": "yes"}
    )
    assert response.status_code == 404
    assert not TermPractice.objects.exists()


def test_an_answer_must_be_posted(cast: Cast, words: Words, login) -> None:
    assert login(cast.dana).get("/learning/words/practise/answer/").status_code == 405


# --- the homes and the adept's learning page --------------------------------------------------


def test_dana_s_home_shows_her_words(cast: Cast, words: Words, login) -> None:
    TermPractice.objects.create(user=cast.dana, term=words.mould, known=True, times=2)
    content = body_of(login(cast.dana).get("/home/adept/"))
    assert "Words of my trade" in content
    assert "You know 1 of 3 words" in content
    assert 'href="/learning/words/practise/"' in content and 'href="/learning/words/"' in content


def test_editors_find_the_words_from_their_home(cast: Cast, words: Words, login) -> None:
    content = body_of(login(cast.tess).get("/home/teacher/"))
    assert 'href="/learning/words/manage/"' in content
    content = body_of(login(cast.tess).get("/learning/words/manage/"))
    assert f'href="/learning/words/curriculum/{words.curriculum.pk}/"' in content
    assert f'href="/learning/words/workplace/{cast.moulding.pk}/"' in content
    assert f'href="/learning/words/workplace/{cast.finishing.pk}/"' in content  # erin's
    content = body_of(login(words.otto).get("/learning/words/manage/"))
    assert f'href="/learning/words/workplace/{cast.finishing.pk}/"' in content
    assert f'href="/learning/words/workplace/{cast.moulding.pk}/"' not in content
    assert "/learning/words/curriculum/" not in content


@pytest.mark.parametrize("name", ["dana", "mona"])
def test_others_have_no_word_lists_to_edit(cast: Cast, words: Words, login, name: str) -> None:
    assert login(getattr(cast, name)).get("/learning/words/manage/").status_code == 404


def test_charlie_edits_his_own_workplaces_words_only(cast: Cast, words: Words, login) -> None:
    content = body_of(login(cast.charlie).get("/learning/words/manage/"))
    assert f'href="/learning/words/workplace/{cast.care_home.pk}/"' in content
    assert "Gjuteri grund" not in content and "Formning" not in content


def test_the_adept_learning_page_shows_her_words(cast: Cast, words: Words, login) -> None:
    TermPractice.objects.create(user=cast.dana, term=words.goggles, known=True, times=1)
    url = f"/learning/adepts/{cast.dana_enrolment.pk}/"
    content = body_of(login(cast.bob).get(url))
    assert "<bdi>Dana Darwish</bdi> knows 1 of 3 words" in content
    content = body_of(login(cast.dana).get(url))
    assert "You know 1 of 3 words" in content


# --- editors ----------------------------------------------------------------------------------


def curriculum_url(words: Words, end: str = "") -> str:
    return f"/learning/words/curriculum/{words.curriculum.pk}/{end}"


def workplace_url(cast: Cast, end: str = "") -> str:
    return f"/learning/words/workplace/{cast.moulding.pk}/{end}"


@pytest.mark.parametrize("name", ["tess", "alice"])
def test_curriculum_editors_see_its_words(cast: Cast, words: Words, login, name: str) -> None:
    response = login(getattr(cast, name)).get(curriculum_url(words))
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Words of <bdi>Gjuteri grund</bdi>\n</h1>" in content
    assert '<th scope="row" lang="sv">gjutform</th>' in content
    assert '<td data-label="Translations">ar, en</td>' in content
    assert f'href="/learning/curricula/{words.curriculum.pk}/"' in content
    assert "skyddsglasögon" not in content


@pytest.mark.parametrize("name", ["bob", "tess", "alice"])
def test_workplace_editors_see_its_words(cast: Cast, words: Words, login, name: str) -> None:
    response = login(getattr(cast, name)).get(workplace_url(cast))
    assert response.status_code == 200
    assert '<th scope="row" lang="sv">skyddsglasögon</th>' in response.content.decode()


@pytest.mark.parametrize("name", ["charlie", "mona", "otto", "dana", "erin"])
def test_others_can_neither_see_nor_change_a_workplace_s_words(
    cast: Cast, words: Words, login, name: str
) -> None:
    user = words.otto if name == "otto" else getattr(cast, name)
    client = login(user)
    before = snapshot()
    term = words.goggles
    for url in (
        workplace_url(cast),
        workplace_url(cast, "new/"),
        workplace_url(cast, "import/"),
        workplace_url(cast, "export/csv/"),
        f"/learning/words/{term.pk}/edit/",
        f"/learning/words/{term.pk}/delete/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(workplace_url(cast, "new/"), {"swedish": "slagg"}).status_code == 404
    edit = client.post(f"/learning/words/{term.pk}/edit/", {"swedish": "x", "tr_ar": "y"})
    assert edit.status_code == 404
    assert client.post(f"/learning/words/{term.pk}/delete/").status_code == 404
    upload = SimpleUploadedFile("w.csv", b"swedish\nslagg\n", content_type="text/csv")
    assert client.post(workplace_url(cast, "import/"), {"file": upload}).status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("name", ["charlie", "mona", "otto", "dana", "bob"])
def test_others_cannot_change_a_curriculum_s_words(
    cast: Cast, words: Words, login, name: str
) -> None:
    user = words.otto if name == "otto" else getattr(cast, name)
    client = login(user)
    before = snapshot()
    assert client.get(curriculum_url(words)).status_code == 404
    assert client.post(curriculum_url(words, "new/"), {"swedish": "slagg"}).status_code == 404
    assert client.post(f"/learning/words/{words.mould.pk}/delete/").status_code == 404
    assert snapshot() == before


def test_tess_adds_a_word_with_translations_and_a_picture(
    cast: Cast, words: Words, login, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    client = login(cast.tess)
    content = body_of(client.get(curriculum_url(words, "new/")))
    assert 'enctype="multipart/form-data"' in content
    assert 'lang="ar" dir="rtl"' in content and 'name="tr_prs"' in content
    assert '<span lang="ti" dir="ltr">ትግርኛ</span> <span class="muted">(Tigrinya)</span>' in content
    response = client.post(
        curriculum_url(words, "new/"),
        {
            "swedish": "slagg",
            "explanation": "Det som flyter upp.",
            "tr_ar": "خبث",
            "tr_ti": "ሓመድ",
            "picture": png(),
        },
    )
    assert response.status_code == 302 and response["Location"] == curriculum_url(words)
    term = Term.objects.get(curriculum=words.curriculum, swedish="slagg")
    assert term.translations == {"ar": "خبث", "ti": "ሓመድ"}
    assert str(term.picture.name).endswith(".jpg")
    # Dana sees the picture through the guarded address.
    picture = login(cast.dana).get(f"/media/term/{term.pk}/")
    assert picture.status_code == 200 and picture["Content-Type"] == "image/jpeg"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"swedish": ""}, "swedish", "This field is required."),
        ({"swedish": "  "}, "swedish", "This field is required."),
        ({"swedish": "GJUTFORM"}, "swedish", "“GJUTFORM” is already in the list."),
        (
            {"swedish": "slagg", "picture": "FAKE"},
            "picture",
            "This file is not a picture we can use. Use a JPEG or PNG photo under 10 MB.",
        ),
    ],
)
def test_a_bad_word_is_refused_and_what_was_typed_stays(
    cast: Cast, words: Words, login, data: dict[str, str], field: str, message: str
) -> None:
    before = snapshot()
    post = {**data, "explanation": "Förklaring", "tr_ar": "كلمة"}
    if post.get("picture") == "FAKE":
        post["picture"] = SimpleUploadedFile("x.png", b"not a picture", content_type="image/png")  # type: ignore[assignment]
    response = login(cast.tess).post(curriculum_url(words, "new/"), post)
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert 'value="كلمة"' in content and "Förklaring</textarea>" in content
    assert snapshot() == before


def test_bob_changes_and_deletes_a_word_of_his_workplace(cast: Cast, words: Words, login) -> None:
    client = login(cast.bob)
    content = body_of(client.get(f"/learning/words/{words.goggles.pk}/edit/"))
    assert 'value="نظارات واقية"' in content
    response = client.post(
        f"/learning/words/{words.goggles.pk}/edit/",
        {"swedish": "skyddsglasögon", "explanation": "", "tr_ar": "نظارات", "tr_uk": "окуляри"},
    )
    assert response.status_code == 302
    words.goggles.refresh_from_db()
    assert words.goggles.translations == {"ar": "نظارات", "uk": "окуляри"}
    assert words.goggles.explanation == ""
    content = body_of(client.get(f"/learning/words/{words.goggles.pk}/delete/"))
    assert "Delete the word?" in content
    response = client.post(f"/learning/words/{words.goggles.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == workplace_url(cast)
    assert not Term.objects.filter(pk=words.goggles.pk).exists()


def test_an_import_with_a_bad_row_shows_the_report_and_writes_nothing(
    cast: Cast, words: Words, login
) -> None:
    before = snapshot()
    upload = SimpleUploadedFile(
        "words.csv", "swedish,ar\nslagg,خبث\n,x\n".encode(), content_type="text/csv"
    )
    response = login(cast.bob).post(workplace_url(cast, "import/"), {"file": upload})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Rows with problems: 1 of 2. Nothing was saved" in content
    problem = (
        '<td data-label="Column">swedish</td>'
        '<td data-label="Problem">Write the word or phrase in Swedish.</td>'
    )
    assert f'<tr><th scope="row" data-label="Row">3</th>{problem}</tr>' in content
    assert snapshot() == before


def test_a_good_import_saves_the_words(cast: Cast, words: Words, login) -> None:
    upload = SimpleUploadedFile(
        "words.csv", "swedish,ar\nslagg,خبث\nugn,فرن\n".encode(), content_type="text/csv"
    )
    response = login(cast.bob).post(workplace_url(cast, "import/"), {"file": upload})
    assert response.status_code == 302 and response["Location"] == workplace_url(cast)
    assert set(Term.objects.filter(workplace=cast.moulding).values_list("swedish", flat=True)) == {
        "skyddsglasögon",
        "slagg",
        "ugn",
    }


def test_an_import_without_a_file_says_so(cast: Cast, words: Words, login) -> None:
    response = login(cast.bob).post(workplace_url(cast, "import/"), {})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


def test_the_words_export_as_csv_and_excel(cast: Cast, words: Words, login) -> None:
    client = login(cast.tess)
    response = client.get(curriculum_url(words, "export/csv/"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode("utf-8").splitlines() == [
        "\ufeffswedish,explanation,ar,uk,ti,so,prs,fa,en",
        "formsand,Sand som formen görs av.,رمل القوالب,формувальний пісок,,,,,",
        "gjutform,Formen som metallen hälls i.,قالب الصب,,,,,,casting mould",
    ]
    response = client.get(curriculum_url(words, "export/xlsx/"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None and sheet["A3"].value == "gjutform"
    assert client.get(curriculum_url(words, "export/pdf/")).status_code == 404


def test_the_editors_list_costs_the_same_queries_for_2_and_20_words(
    cast: Cast, words: Words, login
) -> None:
    client = login(cast.tess)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(curriculum_url(words)).status_code == 200
        return len(queries)

    two = count()
    for i in range(18):
        Term.objects.create(curriculum=words.curriculum, swedish=f"ord {i:02d}")
    assert count() == two
