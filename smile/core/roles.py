"""The roles a person can hold in SMILE, in the order their home pages are offered."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    MANAGER = "manager", _("Manager")
    MENTOR = "mentor", _("Mentor")
    TEACHER = "teacher", _("Teacher")
    ADEPT = "adept", _("Adept")
    ADMINISTRATOR = "administrator", _("Administrator")


# The working roles first: a coordinator who is also a mentor lands on her mentor page.
HOME_ORDER = [
    Role.ADEPT,
    Role.MENTOR,
    Role.TEACHER,
    Role.COORDINATOR,
    Role.MANAGER,
    Role.ADMINISTRATOR,
]
