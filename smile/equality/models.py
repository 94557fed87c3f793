"""Concerns about discrimination, harassment or unfair treatment, and the confidential case work.

A concern goes to the programme's named case handlers, never to the workplace (which may be
involved). Everything a person wrote (the report, the messages, the case log, the tasks) is
encrypted at rest with the field keys of `smile.lib.crypto`; only the handlers' pages decrypt it.
An anonymous concern keeps no link to the person who reported it: no reporter, no account in its
messages, and only a salted hash of her private code.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from smile.organisations.models import Workplace
from smile.programmes.models import Programme


class Ground(models.TextChoices):
    """The seven grounds of discrimination of the Swedish Discrimination Act (1 ch. 1 §)."""

    SEX = "sex", _("Sex")
    TRANSGENDER = "transgender", _("Transgender identity or expression")
    ETHNICITY = "ethnicity", _("Ethnicity")
    RELIGION = "religion", _("Religion or other belief")
    DISABILITY = "disability", _("Disability")
    SEXUAL_ORIENTATION = "sexual_orientation", _("Sexual orientation")
    AGE = "age", _("Age")
    OTHER = "other", _("Another reason, or I do not know")


class ConcernKind(models.TextChoices):
    DISCRIMINATION = "discrimination", _("I was treated worse because of who I am")
    HARASSMENT = "harassment", _("Someone said or did something that hurt my dignity")
    SEXUAL_HARASSMENT = "sexual_harassment", _("Unwanted sexual words, looks or touching")
    UNFAIR = "unfair", _("Something else that is unfair")


class Place(models.TextChoices):
    WORKPLACE = "workplace", _("At my workplace")
    SCHOOL = "school", _("At school")
    ELSEWHERE = "elsewhere", _("Somewhere else, or I do not want to say")


class Step(models.TextChoices):
    """The steps of a case, in order."""

    RECEIVED = "received", _("Received")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    INVESTIGATING = "investigating", _("Investigating")
    MEASURES = "measures", _("Measures")
    FOLLOWED_UP = "followed_up", _("Followed up")
    CLOSED = "closed", _("Closed")


STEP_ORDER: list[str] = [str(step) for step in Step.values]
OPEN_STEPS: list[str] = [step for step in STEP_ORDER if step != Step.CLOSED]


class CaseHandler(models.Model):
    """A person the programme's owner names to receive and work the programme's concerns."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="case_handlers",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="case_handler_roles",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["programme", "user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "user"], name="case_handler_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} handles {self.programme_id}"


class Concern(models.Model):
    """One report and its case. `payload` is encrypted JSON: {"what": …, "when": …}."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="concerns")
    kind = models.CharField(max_length=20, choices=ConcernKind.choices)
    ground = models.CharField(max_length=20, choices=Ground.choices, blank=True)
    place = models.CharField(max_length=10, choices=Place.choices)
    # Only when she says it happened at her workplace: the manager's page counts open concerns.
    workplace = models.ForeignKey(
        Workplace, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    anonymous = models.BooleanField(default=False)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The language she reported in, so the handlers can find an interpreter.
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    payload = models.TextField()
    # An anonymous reporter's code: its first part finds the row, the rest is checked against a
    # salted hash (Django's password hasher), so a copy of the table opens no case.
    code_lookup = models.CharField(max_length=8, unique=True, null=True, blank=True)
    code_hash = models.CharField(max_length=200, blank=True)
    step = models.CharField(max_length=16, choices=Step.choices, default=Step.RECEIVED)
    acknowledge_by = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(anonymous=False) | Q(reporter__isnull=True), name="concern_anonymous"
            ),
            models.CheckConstraint(
                condition=(Q(anonymous=True) & Q(code_lookup__isnull=False) & ~Q(code_hash=""))
                | (Q(anonymous=False) & Q(code_lookup__isnull=True) & Q(code_hash="")),
                name="concern_code_only_anonymous",
            ),
            models.CheckConstraint(condition=Q(step__in=Step.values), name="concern_step_valid"),
            models.CheckConstraint(
                condition=Q(kind__in=ConcernKind.values), name="concern_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(ground="") | Q(ground__in=Ground.values), name="concern_ground_valid"
            ),
        ]
        indexes = [models.Index(fields=["workplace", "step"])]

    def __str__(self) -> str:
        return f"concern {self.pk}"

    @property
    def reference(self) -> str:
        """How handlers and the reporter name the case ("C-12")."""
        return f"C-{self.pk}"


class MessageKind(models.TextChoices):
    # Never shown by this name: each page says it in its own words.
    STEP = "step"
    QUESTION = "question"
    ANSWER = "answer"


class ConcernMessage(models.Model):
    """What the reporter and the handlers tell each other; each step is one too.

    A handler's message names its author; the reporter's never does (`author` stays empty), so an
    anonymous reporter who answers while signed in leaves no trace of her account.
    """

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=10, choices=MessageKind.choices)
    step = models.CharField(max_length=16, choices=Step.choices, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField()  # encrypted JSON string
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=MessageKind.values), name="concern_message_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind="answer") | Q(author__isnull=True),
                name="concern_message_answer_has_no_author",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} on concern {self.concern_id}"


class CaseLogEntry(models.Model):
    """The handlers' confidential notes on a case; the reporter never sees them."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="log_entries")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField()  # encrypted JSON string
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"log entry on concern {self.concern_id}"


class CaseTask(models.Model):
    """Something a handler must do for the case by a date; its words are encrypted."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="tasks")
    payload = models.TextField()  # encrypted JSON: {"title": …}
    due_on = models.DateField()
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self) -> str:
        return f"task on concern {self.concern_id}"


class Attachment(models.Model):
    """A picture or PDF sent with a report or an answer, stored encrypted in the file storage."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        ConcernMessage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
    )
    content_type = models.CharField(max_length=40)
    file = models.FileField(upload_to="equality/")
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(content_type__in=["image/jpeg", "image/png", "application/pdf"]),
                name="attachment_content_type_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"attachment {self.pk} on concern {self.concern_id}"


# --- active measures (aktiva åtgärder, Discrimination Act 3 ch.) ----------------------------------

# The seven grounds an employer investigates; "another reason" is only for someone reporting.
SEVEN_GROUNDS: list[str] = [str(ground) for ground in Ground.values if ground != Ground.OTHER]


class Area(models.TextChoices):
    """The five areas the employer investigates for every ground (3 ch. 5 §)."""

    WORKING_CONDITIONS = "working_conditions", _("Working conditions")
    PAY = "pay", _("Pay and other terms of employment")
    RECRUITMENT = "recruitment", _("Recruitment and promotion")
    TRAINING = "training", _("Education, training and skills development")
    PARENTHOOD = "parenthood", _("Combining work with parenthood")


class CycleStatus(models.TextChoices):
    """The steps of a year's cycle, in order."""

    INVESTIGATING = "investigating", _("Investigating risks")
    ANALYSING = "analysing", _("Analysing causes")
    ACTING = "acting", _("Taking measures")
    FOLLOWING_UP = "following_up", _("Following up")
    DONE = "done", _("Done")


CYCLE_ORDER: list[str] = [str(status) for status in CycleStatus.values]


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    STARTED = "started", _("Started")
    DONE = "done", _("Done")


class MeasureCycle(models.Model):
    """One workplace's yearly cycle of active measures: investigate, analyse, act, follow up."""

    workplace = models.ForeignKey(
        Workplace, on_delete=models.CASCADE, related_name="measure_cycles"
    )
    year = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=16, choices=CycleStatus.choices, default=CycleStatus.INVESTIGATING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["workplace", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["workplace", "year"], name="measure_cycle_unique"),
            models.CheckConstraint(
                condition=Q(status__in=CycleStatus.values), name="measure_cycle_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="measure_cycle_year_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"active measures {self.year} at {self.workplace_id}"


class RiskFinding(models.Model):
    """One cell of the investigation: a ground in an area, a risk found or not, and its cause."""

    cycle = models.ForeignKey(MeasureCycle, on_delete=models.CASCADE, related_name="findings")
    ground = models.CharField(max_length=20, choices=Ground.choices)
    area = models.CharField(max_length=20, choices=Area.choices)
    risk = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    cause = models.TextField(blank=True)

    class Meta:
        ordering = ["cycle", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "ground", "area"], name="risk_finding_unique"),
            models.CheckConstraint(
                condition=Q(ground__in=SEVEN_GROUNDS), name="risk_finding_ground_valid"
            ),
            models.CheckConstraint(
                condition=Q(area__in=Area.values), name="risk_finding_area_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ground}/{self.area} in cycle {self.cycle_id}"


class Measure(models.Model):
    """Something the employer does about a risk: who, by when, and how it went."""

    cycle = models.ForeignKey(MeasureCycle, on_delete=models.CASCADE, related_name="measures")
    title = models.CharField(max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    due_on = models.DateField()
    status = models.CharField(
        max_length=10, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    outcome = models.TextField(blank=True)
    followed_up_on = models.DateField(null=True, blank=True)
    # Set when the owner is reminded; cleared when the due date moves, so each deadline is
    # reminded once.
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=MeasureStatus.values), name="measure_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["status", "reminded_at", "due_on"])]

    def __str__(self) -> str:
        return f"measure {self.pk} in cycle {self.cycle_id}"


# --- fair figures ------------------------------------------------------------------------------


class StatisticsConsent(models.Model):
    """Her own answer to "May SMILE count your gender, without your name, in equality
    statistics?".

    Gender is collected in matching (`MatchingProfile.gender`) for one purpose only: so that an
    adept who wants a mentor of the same gender can have one. Counting it in equality figures is
    a new purpose, so it is never done silently: only a person who has said yes here is counted
    under her gender; everyone else is counted as "not stated". She can say no, or withdraw her
    yes, at any time; the figures are computed when shown, so a withdrawal holds at once.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="statistics_consent"
    )
    gender_counted = models.BooleanField(_("count my gender in equality statistics"))
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("consent to equality statistics")
        verbose_name_plural = _("consents to equality statistics")

    def __str__(self) -> str:
        return f"{self.user_id} {'yes' if self.gender_counted else 'no'}"
