"""Notices in the Django admin: to see what was sent and when (read only; a notice's params may
name people, so staff read them here only as the person's own page would show them)."""

from django.contrib import admin
from django.http import HttpRequest

from smile.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "kind", "read_at", "done_at", "emailed_at"]
    list_filter = ["kind", "in_app", "email"]
    date_hierarchy = "created_at"
    raw_id_fields = ["recipient"]
    exclude = ["params"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
