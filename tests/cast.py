"""The shared test cast (outside the `smile` package: it builds people in every domain, and the
layers of `smile/` must not bend for it). Every view test uses it, so every view test is also a
permissions test. The cast is built by the installation itself (`SYSTEM`), as the demo is.

Sävsjö kommun runs a programme with Sävsjö Gjuteri (employer) and Lärcentrum (school):
- alice: coordinator at Sävsjö kommun (owns the programme)
- bob: mentor at the foundry, paired with dana
- dana: adept, placed at the foundry, paired with bob
- erin: adept in the same programme with no mentor (bob must not see her)
- mona: manager at the foundry
- tess: teacher at Lärcentrum (dana's and erin's school)
Värnamo kommun is another organisation entirely:
- charlie: coordinator at Värnamo kommun, with his own programme; he must see nothing of Sävsjö.
"""

import base64
from dataclasses import dataclass
from datetime import date

from django_otp.plugins.otp_totp.models import TOTPDevice

from smile.accounts.models import User
from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.matching.models import Pair, PairStatus
from smile.organisations.choices import OrganisationKind, Role
from smile.organisations.models import Organisation, Workplace
from smile.organisations.services import organisation_create, workplace_save
from smile.programmes.models import Enrolment, Programme
from smile.programmes.services import enrolment_create, programme_save

PASSWORD = "a-long-test-password-1"
TOTP_SECRET = "SMILEDEMOSMILEDEMOSMILEDEMO23456"


@dataclass
class Cast:
    savsjo: Organisation
    foundry: Organisation
    school: Organisation
    varnamo: Organisation
    care: Organisation
    moulding: Workplace
    finishing: Workplace
    care_home: Workplace
    programme: Programme
    other_programme: Programme
    alice: User
    bob: User
    dana: User
    erin: User
    mona: User
    tess: User
    charlie: User
    bob_enrolment: Enrolment
    dana_enrolment: Enrolment
    erin_enrolment: Enrolment
    pair: Pair


def make_user(email: str, name: str, *, language: str = "sv", totp: bool = False) -> User:
    user = User.objects.create_user(email, PASSWORD, full_name=name, preferred_language=language)
    if totp:
        TOTPDevice.objects.create(
            user=user, name="test", confirmed=True, key=base64.b32decode(TOTP_SECRET).hex()
        )
    return user


def build_cast() -> Cast:
    savsjo = organisation_create(
        actor=SYSTEM, name="Sävsjö kommun", kind=OrganisationKind.PROGRAMME_OWNER, managed_by=None
    )
    varnamo = organisation_create(
        actor=SYSTEM, name="Värnamo kommun", kind=OrganisationKind.PROGRAMME_OWNER, managed_by=None
    )
    foundry = organisation_create(
        actor=SYSTEM, name="Sävsjö Gjuteri AB", kind=OrganisationKind.EMPLOYER, managed_by=savsjo
    )
    school = organisation_create(
        actor=SYSTEM, name="Lärcentrum", kind=OrganisationKind.EDUCATION_PROVIDER, managed_by=savsjo
    )
    care = organisation_create(
        actor=SYSTEM, name="Värnamo Vård AB", kind=OrganisationKind.EMPLOYER, managed_by=varnamo
    )
    moulding = workplace_save(actor=SYSTEM, organisation=foundry, name="Formning", trade="Gjuteri")
    finishing = workplace_save(
        actor=SYSTEM, organisation=foundry, name="Efterbehandling", trade="Gjuteri"
    )
    care_home = workplace_save(actor=SYSTEM, organisation=care, name="Solgläntan", trade="Vård")

    alice = make_user("alice@savsjo.example", "Alice Andersson", totp=True)
    bob = make_user("bob@gjuteri.example", "Bob Berg")
    dana = make_user("dana@elev.example", "Dana Darwish", language="ar")
    erin = make_user("erin@elev.example", "Erin Eriksson")
    mona = make_user("mona@gjuteri.example", "Mona Magnusson", totp=True)
    tess = make_user("tess@larcentrum.example", "Tess Thor")
    charlie = make_user("charlie@varnamo.example", "Charlie Carlsson", totp=True)
    membership_create(actor=SYSTEM, user=alice, organisation=savsjo, role=Role.COORDINATOR)
    membership_create(
        actor=SYSTEM, user=bob, organisation=foundry, role=Role.MENTOR, workplace=moulding
    )
    membership_create(actor=SYSTEM, user=dana, organisation=savsjo, role=Role.ADEPT)
    membership_create(actor=SYSTEM, user=erin, organisation=savsjo, role=Role.ADEPT)
    membership_create(actor=SYSTEM, user=mona, organisation=foundry, role=Role.MANAGER)
    membership_create(actor=SYSTEM, user=tess, organisation=school, role=Role.TEACHER)
    membership_create(actor=SYSTEM, user=charlie, organisation=varnamo, role=Role.COORDINATOR)

    programme = programme_save(
        actor=SYSTEM,
        owner=savsjo,
        name="Gjuterivägen",
        starts_on=date(2026, 8, 1),
        ends_on=date(2027, 6, 30),
        partners=[foundry, school],
    )
    other_programme = programme_save(
        actor=SYSTEM,
        owner=varnamo,
        name="Vårdvägen",
        starts_on=date(2026, 8, 1),
        ends_on=date(2027, 6, 30),
        partners=[care],
    )
    start = date(2026, 8, 10)
    bob_enrolment = enrolment_create(
        actor=SYSTEM,
        programme=programme,
        user=bob,
        role="mentor",
        workplace=moulding,
        starts_on=start,
    )
    dana_enrolment = enrolment_create(
        actor=SYSTEM,
        programme=programme,
        user=dana,
        role="adept",
        workplace=moulding,
        education_provider=school,
        starts_on=start,
    )
    erin_enrolment = enrolment_create(
        actor=SYSTEM,
        programme=programme,
        user=erin,
        role="adept",
        workplace=finishing,
        education_provider=school,
        starts_on=start,
    )
    pair = Pair.objects.create(
        programme=programme,
        mentor=bob_enrolment,
        adept=dana_enrolment,
        status=PairStatus.ACTIVE,
        started_on=start,
    )
    return Cast(
        savsjo=savsjo,
        foundry=foundry,
        school=school,
        varnamo=varnamo,
        care=care,
        moulding=moulding,
        finishing=finishing,
        care_home=care_home,
        programme=programme,
        other_programme=other_programme,
        alice=alice,
        bob=bob,
        dana=dana,
        erin=erin,
        mona=mona,
        tess=tess,
        charlie=charlie,
        bob_enrolment=bob_enrolment,
        dana_enrolment=dana_enrolment,
        erin_enrolment=erin_enrolment,
        pair=pair,
    )


def add_other_mentor(cast: Cast) -> User:
    """Otto: a mentor at another workplace of the same employer (finishing), paired with erin.
    He must see nothing of dana's and bob's pair."""
    user = make_user("otto@gjuteri.example", "Otto Olsson")
    membership_create(
        actor=SYSTEM,
        user=user,
        organisation=cast.foundry,
        role=Role.MENTOR,
        workplace=cast.finishing,
    )
    enrolment = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=user,
        role="mentor",
        workplace=cast.finishing,
        starts_on=date(2026, 8, 10),
    )
    Pair.objects.create(
        programme=cast.programme,
        mentor=enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.ACTIVE,
        started_on=date(2026, 8, 20),
    )
    return user
