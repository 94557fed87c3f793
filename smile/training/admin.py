"""Mentor development for staff in the Django admin: the modules (staff content) and the mentor
network meetings with their attendance, to look up and correct.

Deliberately NOT here: the mentors' reflections (answers to a module's questions), their
completions, self-ratings and development goals. Those are private to the mentor (see
`smile.training.access`: nobody else has a clause for them), and staff must not be able to read
them in the admin either.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from smile.training.models import Module, NetworkAttendance, NetworkMeeting


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin[Module]):
    list_display = ("title_en", "dimension", "basic", "order")


class AttendanceInline(admin.StackedInline[NetworkAttendance, NetworkMeeting]):
    model = NetworkAttendance
    extra = 0
    raw_id_fields = ["enrolment"]


@admin.register(NetworkMeeting)
class NetworkMeetingAdmin(admin.ModelAdmin[NetworkMeeting]):
    list_display = [
        "starts_at",
        "programme",
        "duration_minutes",
        "place",
        "themes_shown",
        "cancelled_at",
        "attendance_recorded_at",
    ]
    list_filter = ["programme"]
    search_fields = ["programme__name", "place", "agenda"]
    date_hierarchy = "starts_at"
    list_select_related = ["programme"]
    readonly_fields = ["created_by", "cancelled_at", "attendance_recorded_at"]
    inlines = [AttendanceInline]

    @admin.display(description=_("themes"))
    def themes_shown(self, meeting: NetworkMeeting) -> str:
        return ", ".join(meeting.theme_labels())

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # The coordinator schedules a meeting in SMILE, which tells the mentors.
        return False


@admin.register(NetworkAttendance)
class NetworkAttendanceAdmin(admin.ModelAdmin[NetworkAttendance]):
    list_display = ["meeting", "enrolment"]
    list_filter = ["meeting__programme"]
    search_fields = ["enrolment__user__full_name", "meeting__programme__name"]
    list_select_related = ["meeting__programme", "enrolment__user", "enrolment__programme"]
    raw_id_fields = ["meeting", "enrolment"]
