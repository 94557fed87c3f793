"""Human words for the codes that scoring uses (rules broken, criteria scored)."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from smile.matching import scoring

# Short phrases for a list such as "Johan Lindqvist: no shared language; another employer".
RULE_LABELS: dict[str, Promise] = {
    scoring.SAME_WORKPLACE: _("works at another workplace"),
    scoring.SAME_EMPLOYER: _("works at another employer"),
    scoring.SHARED_LANGUAGE: _("no shared language"),
    scoring.LINE_MANAGER: _("is the adept's line manager"),
    scoring.ENDED_BADLY: _("a pair of these two ended early before"),
    scoring.EXCLUDED: _("excluded by a coordinator"),
    scoring.TRAINING: _("has not completed the mentor training"),
    scoring.CAPACITY_ZERO: _("takes no adepts"),
    scoring.FULL: _("has no free place"),
}

# Whole sentences for an error message when a coordinator pairs two people by hand.
RULE_SENTENCES: dict[str, Promise] = {
    scoring.SAME_WORKPLACE: _("They work at different workplaces."),
    scoring.SAME_EMPLOYER: _("They work for different employers."),
    scoring.SHARED_LANGUAGE: _("They share no language."),
    scoring.LINE_MANAGER: _("The mentor is the adept's line manager."),
    scoring.ENDED_BADLY: _("A pair of these two ended early before."),
    scoring.EXCLUDED: _("A coordinator has excluded this pair."),
    scoring.TRAINING: _("The mentor has not completed the mentor training."),
    scoring.CAPACITY_ZERO: _("The mentor takes no adepts."),
}

CRITERION_LABELS: dict[str, Promise] = {
    "language": _("Shared language"),
    "workplace": _("Workplace"),
    "trade": _("Trade and skills"),
    "shifts": _("Shifts"),
    "interests": _("Interests"),
    "gender": _("Gender wish"),
}


def rule_label(code: str) -> str:
    return str(RULE_LABELS.get(code, code))
