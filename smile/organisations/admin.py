from django.contrib import admin

from smile.organisations.models import Membership, Organisation, Workplace


class WorkplaceInline(admin.TabularInline):
    model = Workplace
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "city", "managed_by"]
    list_filter = ["kind"]
    search_fields = ["name", "organisation_number"]
    inlines = [WorkplaceInline]


@admin.register(Workplace)
class WorkplaceAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "city", "trade"]
    search_fields = ["name", "organisation__name"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "workplace"]
    list_filter = ["role"]
    search_fields = ["user__full_name", "user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation", "workplace"]
