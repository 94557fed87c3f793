"""Meetings and things to do in the Django admin, for staff who help a pair with a booking. What
people wrote to each other (meeting logs, life situation, support messages, reflections) is not
here: it is read in SMILE's own pages, where the access rules and the access log apply."""

from django.contrib import admin

from smile.mentoring.models import ActionItem, Meeting


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["pair", "starts_at", "duration_minutes", "place", "status"]
    list_filter = ["status"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["pair", "proposed_by"]
    # A pair is named by its mentor's and adept's names: read with the rows, not per row.
    list_select_related = ["pair__mentor__user", "pair__adept__user"]


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["title", "pair", "owner", "due_on", "done_at"]
    date_hierarchy = "due_on"
    raw_id_fields = ["pair", "owner", "log", "created_by", "done_by"]
    list_select_related = ["pair__mentor__user", "pair__adept__user", "owner"]
