"""The coordinator of the programme's owner names the case handlers; no one else may."""

from smile.equality.models import CaseHandler
from smile.equality.tests.casework import Equality
from smile.notifications.models import Notification
from tests.pages import body_of


def test_the_owners_coordinator_names_and_removes_a_handler(eq: Equality, login) -> None:
    cast = eq.cast
    client = login(cast.alice)
    url = f"/equality/handlers/{cast.programme.pk}/"
    page = body_of(client.get(url))
    assert "Hanna Holm" in page  # she may be named
    response = client.post(url, {"user": str(eq.hanna.pk)})
    assert response.status_code == 302
    assert response["Location"] == url
    assert set(CaseHandler.objects.values_list("user__email", flat=True)) == {
        "alice@savsjo.example",
        "hanna@savsjo.example",
    }
    handler = CaseHandler.objects.get(user=eq.hanna)
    response = client.post(f"/equality/handlers/{cast.programme.pk}/{handler.pk}/remove/")
    assert response.status_code == 302
    assert list(CaseHandler.objects.values_list("user__email", flat=True)) == [
        "alice@savsjo.example"
    ]
    overview = body_of(client.get("/equality/handlers/"))
    assert "Gjuterivägen" in overview
    assert "Vårdvägen" not in overview


def test_only_the_owners_coordinators_can_be_named(eq: Equality, login) -> None:
    cast = eq.cast
    url = f"/equality/handlers/{cast.programme.pk}/"
    for outsider in (cast.mona, cast.bob, cast.charlie):
        body = body_of(login(cast.alice).post(url, {"user": str(outsider.pk)}))
        assert "Select a valid choice." in body
    assert CaseHandler.objects.count() == 1


def test_naming_someone_twice_is_refused(eq: Equality, login) -> None:
    cast = eq.cast
    body = body_of(
        login(cast.alice).post(f"/equality/handlers/{cast.programme.pk}/", {"user": cast.alice.pk})
    )
    assert "Select a valid choice." in body
    assert CaseHandler.objects.count() == 1


def test_no_one_else_names_handlers(eq: Equality, login) -> None:
    cast = eq.cast
    url = f"/equality/handlers/{cast.programme.pk}/"
    handler = CaseHandler.objects.get()
    for outsider in (cast.charlie, cast.mona, eq.ada, cast.dana, cast.bob):
        client = login(outsider)
        body_of(client.get(url), 404)
        body_of(client.post(url, {"user": str(outsider.pk)}), 404)
        body_of(client.post(f"{url}{handler.pk}/remove/"), 404)
        if outsider != cast.charlie:
            body_of(client.get("/equality/handlers/"), 404)
    # Charlie names the handlers of his own programme only.
    overview = body_of(login(cast.charlie).get("/equality/handlers/"))
    assert "Vårdvägen" in overview
    assert "Gjuterivägen" not in overview
    assert list(CaseHandler.objects.values_list("user", flat=True)) == [cast.alice.pk]


def test_a_concern_in_a_programme_without_handlers_tells_the_coordinators_to_name_some(
    eq: Equality, login
) -> None:
    cast = eq.cast
    CaseHandler.objects.all().delete()
    response = login(cast.dana).post(
        "/equality/report/",
        {"kind": "unfair", "place": "elsewhere", "what": "Något hände.", "anonymous": "named"},
    )
    assert response.status_code == 302
    notices = Notification.objects.order_by("recipient__email")
    assert [(n.recipient.email, n.url) for n in notices] == [
        ("alice@savsjo.example", f"/equality/handlers/{cast.programme.pk}/"),
        ("hanna@savsjo.example", f"/equality/handlers/{cast.programme.pk}/"),
    ]
    # Telling her to name handlers shows her nothing of the case.
    assert login(cast.alice).get("/equality/cases/").status_code == 404
