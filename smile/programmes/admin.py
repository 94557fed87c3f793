from django.contrib import admin

from smile.programmes.models import Enrolment, Programme


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "starts_on", "ends_on"]
    search_fields = ["name"]
    filter_horizontal = ["partners"]


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ["user", "programme", "role", "workplace", "starts_on", "ends_on", "status"]
    list_filter = ["role", "status", "programme"]
    search_fields = ["user__full_name", "user__email"]
    autocomplete_fields = ["user", "workplace"]
