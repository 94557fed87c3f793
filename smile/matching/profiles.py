"""Writes for matching profiles: what a mentor or an adept tells matching about herself."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError, NotAllowed
from smile.matching import access
from smile.matching.models import Gender, LanguageLevel, MatchingProfile, Shift
from smile.organisations.models import Membership
from smile.programmes.models import Enrolment, EnrolmentRole

# Languages common among adepts and mentors in Sweden: (ISO 639 code, name in the language
# itself, name in the reader's language). Dari has its own code (prs) beside Persian (fa).
LANGUAGES: list[tuple[str, str, Promise]] = [
    ("sv", "Svenska", gettext_lazy("Swedish")),
    ("en", "English", gettext_lazy("English")),
    ("ar", "العربية", gettext_lazy("Arabic")),
    ("uk", "Українська", gettext_lazy("Ukrainian")),
    ("ti", "ትግርኛ", gettext_lazy("Tigrinya")),
    ("so", "Soomaali", gettext_lazy("Somali")),
    ("prs", "دری", gettext_lazy("Dari")),
    ("fa", "فارسی", gettext_lazy("Persian")),
    ("ps", "پښتو", gettext_lazy("Pashto")),
    ("ku", "Kurdî", gettext_lazy("Kurdish")),
    ("am", "አማርኛ", gettext_lazy("Amharic")),
    ("om", "Afaan Oromoo", gettext_lazy("Oromo")),
    ("fr", "Français", gettext_lazy("French")),
    ("es", "Español", gettext_lazy("Spanish")),
    ("pt", "Português", gettext_lazy("Portuguese")),
    ("de", "Deutsch", gettext_lazy("German")),
    ("it", "Italiano", gettext_lazy("Italian")),
    ("ru", "Русский", gettext_lazy("Russian")),
    ("pl", "Polski", gettext_lazy("Polish")),
    ("ro", "Română", gettext_lazy("Romanian")),
    ("tr", "Türkçe", gettext_lazy("Turkish")),
    ("bs", "Bosanski", gettext_lazy("Bosnian")),
    ("sr", "Српски", gettext_lazy("Serbian")),
    ("hr", "Hrvatski", gettext_lazy("Croatian")),
    ("sq", "Shqip", gettext_lazy("Albanian")),
    ("el", "Ελληνικά", gettext_lazy("Greek")),
    ("fi", "Suomi", gettext_lazy("Finnish")),
    ("da", "Dansk", gettext_lazy("Danish")),
    ("nb", "Norsk", gettext_lazy("Norwegian")),
    ("zh", "中文", gettext_lazy("Chinese")),
    ("vi", "Tiếng Việt", gettext_lazy("Vietnamese")),
    ("th", "ไทย", gettext_lazy("Thai")),
    ("tl", "Tagalog", gettext_lazy("Tagalog")),
    ("ur", "اردو", gettext_lazy("Urdu")),
    ("hi", "हिन्दी", gettext_lazy("Hindi")),
    ("bn", "বাংলা", gettext_lazy("Bengali")),
    ("sw", "Kiswahili", gettext_lazy("Swahili")),
]
LANGUAGE_CODES = frozenset(code for code, _local, _name in LANGUAGES)
MAX_LANGUAGES = 5
MAX_CAPACITY = 10
MAX_LIST_ITEMS = 20
MAX_ITEM_LENGTH = 60

PROFILE_FIELDS = frozenset(
    {
        "languages",
        "trade",
        "skills",
        "shifts",
        "interests",
        "gender",
        "wants_same_gender",
        "capacity",
        "training_completed_on",
        "line_manager",
    }
)
ADEPT_ONLY = frozenset({"wants_same_gender", "line_manager"})
MENTOR_ONLY = frozenset({"capacity", "training_completed_on"})
COORDINATOR_ONLY = frozenset({"training_completed_on", "line_manager"})


def language_name(code: str) -> str:
    for known, local, _name in LANGUAGES:
        if known == code:
            return local
    return code


def line_manager_choices(enrolment: Enrolment) -> Any:
    """People with a role at the enrolment's employer: who can be the adept's line manager."""
    return (
        User.objects.filter(
            is_active=True, memberships__organisation_id=enrolment.workplace.organisation_id
        )
        .exclude(pk=enrolment.user_id)
        .distinct()
        .order_by("full_name")
    )


def _clean_languages(languages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if len(languages) > MAX_LANGUAGES:
        raise ApplicationError(
            _("Give at most %(count)d languages.") % {"count": MAX_LANGUAGES}, field="languages"
        )
    cleaned: list[dict[str, Any]] = []
    seen: set[str] = set()
    for row, item in enumerate(languages, start=1):
        code = str(item.get("code", ""))
        if code not in LANGUAGE_CODES:
            raise ApplicationError(_("Choose a language from the list."), field=f"language_{row}")
        if code in seen:
            raise ApplicationError(
                _("%(language)s is already in the list.") % {"language": language_name(code)},
                field=f"language_{row}",
            )
        try:
            level = int(item.get("level", 0))
        except (TypeError, ValueError):
            level = 0
        if level not in LanguageLevel.values:
            raise ApplicationError(
                _("Choose how well you speak %(language)s.") % {"language": language_name(code)},
                field=f"level_{row}",
            )
        seen.add(code)
        cleaned.append({"code": code, "level": level})
    return cleaned


def _clean_list(values: list[str], field: str) -> list[str]:
    cleaned: list[str] = []
    for value in values:
        value = " ".join(str(value).split())
        if value and value.lower() not in (v.lower() for v in cleaned):
            if len(value) > MAX_ITEM_LENGTH:
                raise ApplicationError(
                    _("Each word or phrase can be at most %(count)d characters.")
                    % {"count": MAX_ITEM_LENGTH},
                    field=field,
                )
            cleaned.append(value)
    if len(cleaned) > MAX_LIST_ITEMS:
        raise ApplicationError(
            _("Give at most %(count)d.") % {"count": MAX_LIST_ITEMS}, field=field
        )
    return cleaned


def validate_profile_fields(*, role: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Check and clean the fields given for a mentor's or an adept's profile; pure, no database.

    Returns the cleaned fields: the other role's fields are dropped when empty and refused
    otherwise. Raises ApplicationError naming the field for the first broken rule. Who may set
    what (coordinator-only fields, line managers) is the saving service's to check.
    """
    unknown = set(fields) - PROFILE_FIELDS
    if unknown:
        raise TypeError(f"Unknown profile fields: {sorted(unknown)}")
    fields = dict(fields)
    wrong_side = MENTOR_ONLY if role == EnrolmentRole.ADEPT else ADEPT_ONLY
    for name in sorted(set(fields) & wrong_side):
        if fields[name] not in (None, False):
            raise ApplicationError(_("This is not asked of you in this role."), field=name)
        del fields[name]
    if "languages" in fields:
        fields["languages"] = _clean_languages(list(fields["languages"]))
    for name in ("skills", "interests"):
        if name in fields:
            fields[name] = _clean_list(list(fields[name]), name)
    if "trade" in fields:
        fields["trade"] = " ".join(str(fields["trade"]).split())
    if "shifts" in fields:
        shifts = list(dict.fromkeys(fields["shifts"]))
        if any(shift not in Shift.values for shift in shifts):
            raise ApplicationError(_("Choose shifts from the list."), field="shifts")
        fields["shifts"] = shifts
    if "gender" in fields and fields["gender"] not in ("", *Gender.values):
        raise ApplicationError(_("Choose from the list."), field="gender")
    capacity = fields.get("capacity")
    if capacity is not None and not 0 <= int(capacity) <= MAX_CAPACITY:
        raise ApplicationError(
            _("A mentor can take from 0 to %(count)d adepts at once.") % {"count": MAX_CAPACITY},
            field="capacity",
        )
    trained: date | None = fields.get("training_completed_on")
    if trained is not None and trained > timezone.localdate():
        raise ApplicationError(
            _("The training date cannot be in the future."), field="training_completed_on"
        )
    return fields


def check_gender_wish(*, gender: str, wants_same_gender: bool) -> None:
    """A wish for a mentor of one's own gender needs the gender: checked on the whole profile."""
    if wants_same_gender and not gender:
        raise ApplicationError(
            _("Tell us your gender if you want a mentor of your own gender."), field="gender"
        )


@transaction.atomic
def matching_profile_save(*, enrolment: Enrolment, actor: User, **fields: Any) -> MatchingProfile:
    """Save the fields given (the others keep their values) after checking every rule.

    Training dates and line managers are the coordinator's to set; mentors' fields (capacity,
    training) are refused for adepts and adepts' (gender wish, line manager) for mentors.
    """
    unknown = set(fields) - PROFILE_FIELDS
    if unknown:
        raise TypeError(f"Unknown profile fields: {sorted(unknown)}")
    if not access.can_edit_profile(actor, enrolment):
        raise NotAllowed(f"edit the matching profile of enrolment {enrolment.pk}")
    is_coordinator = policies.can_change(actor, enrolment)
    profile, _created = MatchingProfile.objects.select_for_update().get_or_create(
        enrolment=enrolment
    )
    fields = validate_profile_fields(role=enrolment.role, fields=fields)
    if not is_coordinator:
        for name in sorted(set(fields) & COORDINATOR_ONLY):
            if fields[name] != getattr(profile, name):
                raise ApplicationError(_("Only the coordinator can change this."), field=name)
    manager: User | None = fields.get("line_manager")
    if (
        manager is not None
        and manager != profile.line_manager
        and (
            manager.pk == enrolment.user_id
            or not Membership.objects.filter(
                user=manager, organisation_id=enrolment.workplace.organisation_id
            ).exists()
        )
    ):
        raise ApplicationError(
            _("The line manager must work for the adept's employer."), field="line_manager"
        )
    for name, value in fields.items():
        setattr(profile, name, value)
    check_gender_wish(gender=profile.gender, wants_same_gender=profile.wants_same_gender)
    profile.full_clean(validate_unique=False, validate_constraints=False)
    profile.save()
    return profile
