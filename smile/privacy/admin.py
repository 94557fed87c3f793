"""The access log in the Django admin: read only. Nobody may add, change or remove what it says
about who read what."""

from django.contrib import admin
from django.http import HttpRequest

from smile.privacy.models import AccessLog


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "subject", "action", "record_type"]
    list_filter = ["action", "record_type"]
    date_hierarchy = "at"
    raw_id_fields = ["actor", "subject"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
