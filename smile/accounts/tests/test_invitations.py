import re
from datetime import timedelta

from django.core import mail
from django.test import Client
from django.utils import timezone

from smile.accounts.models import Invitation, User
from smile.organisations.models import Membership
from tests.cast import Cast


def invite(client: Client, cast: Cast, **overrides: object):
    data = {
        "full_name": "Nadia Noor",
        "email": "Nadia@Elev.example",
        "organisation": cast.foundry.pk,
        "role": "mentor",
        "workplace": cast.moulding.pk,
        "language": "ar",
    } | overrides
    return client.post("/accounts/invitations/", data)


def link_from(message: mail.EmailMessage) -> str:
    match = re.search(r"http://testserver(/accounts/invitation/[^/\s]+/)", str(message.body))
    assert match, message.body
    return match.group(1)


def test_a_coordinator_invites_a_person_by_email(
    cast: Cast, login, django_capture_on_commit_callbacks
) -> None:
    client = login(cast.alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, cast)
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.workplace) == (
        "nadia@elev.example",
        "mentor",
        cast.moulding,
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nadia@elev.example"]
    # The invitation is written in the invitee's language, not the coordinator's.
    assert "SMILE" in mail.outbox[0].subject
    assert "Nadia Noor" in mail.outbox[0].body


def test_the_link_sets_a_password_and_gives_the_role(
    cast: Cast, login, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invite(login(cast.alice), cast)
    link = link_from(mail.outbox[0])
    visitor = Client()
    assert visitor.get(link).status_code == 200
    response = visitor.post(
        link,
        {"full_name": "Nadia Noor", "password1": "kopparfisk-17", "password2": "kopparfisk-17"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="nadia@elev.example")
    assert user.check_password("kopparfisk-17")
    assert user.preferred_language == "ar"
    assert Membership.objects.filter(
        user=user, organisation=cast.foundry, role="mentor", workplace=cast.moulding
    ).exists()
    assert Invitation.objects.get().accepted_by == user
    # A used link cannot be used again.
    again = Client().get(link)
    assert again.status_code == 410


def test_a_weak_password_is_explained_and_the_name_is_kept(
    cast: Cast, login, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invite(login(cast.alice), cast)
    link = link_from(mail.outbox[0])
    visitor = Client()
    visitor.cookies["smile_language"] = "en"
    response = visitor.post(
        link, {"full_name": "Nadia N. Noor", "password1": "123", "password2": "123"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "This password is too short" in content
    assert 'value="Nadia N. Noor"' in content
    assert not User.objects.filter(email="nadia@elev.example").exists()


def test_an_expired_link_is_refused(cast: Cast, login, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invite(login(cast.alice), cast)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    visitor = Client()
    visitor.cookies["smile_language"] = "en"
    response = visitor.get(link_from(mail.outbox[0]))
    assert response.status_code == 410
    assert "This invitation has expired" in response.content.decode()


def test_an_unknown_link_is_refused(client: Client, db: None) -> None:
    assert client.get("/accounts/invitation/not-a-token/").status_code == 404


def test_an_existing_person_accepts_after_logging_in(
    cast: Cast, login, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invite(
            login(cast.alice),
            cast,
            email="erin@elev.example",
            role="adept",
            organisation=cast.savsjo.pk,
            workplace="",
        )
    link = link_from(mail.outbox[0])
    prompt = Client().get(link)
    assert prompt.templates[0].name == "accounts/invitation_login.html"
    assert prompt.context["login_url"] == f"/accounts/login/?next={link.replace('/', '%2F')}"
    client = login(cast.erin)
    assert client.post(link).status_code == 302
    assert (
        Membership.objects.filter(user=cast.erin, organisation=cast.savsjo, role="adept").count()
        == 1
    )
    assert Invitation.objects.get().accepted_at is not None


def test_a_mentor_cannot_invite(cast: Cast, login) -> None:
    response = invite(login(cast.bob), cast)
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_a_coordinator_cannot_invite_into_another_organisation(cast: Cast, login) -> None:
    response = invite(login(cast.charlie), cast)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_role_that_does_not_fit_the_organisation_is_refused(cast: Cast, login) -> None:
    response = invite(login(cast.alice), cast, role="teacher", workplace="")
    assert response.status_code == 200
    assert "This role cannot be given in this kind of organisation." in response.content.decode()
    assert 'value="Nadia Noor"' in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_bad_email_is_explained(cast: Cast, login) -> None:
    response = invite(login(cast.alice), cast, email="not-an-address")
    assert "Enter a valid email address." in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_second_acceptance_is_told_to_log_in(
    cast: Cast, login, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invite(login(cast.alice), cast)
    link = link_from(mail.outbox[0])
    data = {"full_name": "Nadia Noor", "password1": "kopparfisk-17", "password2": "kopparfisk-17"}
    assert Client().post(link, data).status_code == 302
    second = Client()
    second.cookies["smile_language"] = "en"
    response = second.post(link, data)
    assert response.status_code == 410
    content = response.content.decode()
    assert "This invitation has already been used. Log in instead." in content
    assert '<a class="button" href="/accounts/login/">Log in</a>' in content
    assert User.objects.filter(email="nadia@elev.example").count() == 1
    assert Membership.objects.filter(user__email="nadia@elev.example").count() == 1


def test_accepting_twice_while_logged_in_is_answered_clearly(
    cast: Cast, login, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invite(
            login(cast.alice),
            cast,
            email="erin@elev.example",
            role="adept",
            organisation=cast.savsjo.pk,
            workplace="",
        )
    link = link_from(mail.outbox[0])
    client = login(cast.erin)
    assert client.post(link).status_code == 302
    response = client.post(link)
    assert response.status_code == 410
    assert "This invitation has already been used. Log in instead." in response.content.decode()
    assert (
        Membership.objects.filter(user=cast.erin, organisation=cast.savsjo, role="adept").count()
        == 1
    )
