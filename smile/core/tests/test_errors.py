from django.test import Client, RequestFactory
from django.utils import translation

from smile.core.views import server_error
from tests.cast import make_user


def test_the_error_page_renders_without_the_database(db: None, django_assert_num_queries) -> None:
    # The database may be what failed: the page must not ask it anything, even for a person
    # whose roles the navigation would otherwise look up.
    request = RequestFactory().get("/")
    request.user = make_user("err@example.org", "Erik Error")
    with translation.override("ar"), django_assert_num_queries(0):
        response = server_error(request)
        heading = translation.gettext("Something went wrong")
    content = response.content.decode()
    assert response.status_code == 500
    assert 'lang="ar" dir="rtl"' in content
    assert heading != "Something went wrong"
    assert f"<h1>{heading}</h1>" in content


def test_an_unknown_page_is_a_404_page_in_the_language(client: Client, db: None) -> None:
    client.cookies["smile_language"] = "en"
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
