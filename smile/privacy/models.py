"""Who read or wrote a sensitive record, and when. The person the record is about can see it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessAction(models.TextChoices):
    VIEW = "view", _("read")
    CREATE = "create", _("wrote")
    UPDATE = "update", _("changed")
    DELETE = "delete", _("deleted")


class AccessLog(models.Model):
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_log"
    )
    record_type = models.CharField(max_length=40)
    record_id = models.PositiveBigIntegerField()
    action = models.CharField(max_length=6, choices=AccessAction.choices)

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["subject", "at"]),
            models.Index(fields=["record_type", "record_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.action} {self.record_type}#{self.record_id}"
