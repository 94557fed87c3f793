"""Curricula, units, objectives, workplace tasks and words for staff in the Django admin, every
language side by side (modeltranslation's admin). Plans, practice, reviews and hours are records
about a person and are worked on in SMILE's own pages, where the access rules apply."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from smile.learning.models import Curriculum, Objective, Term, Unit, WorkplaceTask


class UnitInline(TranslationTabularInline):
    model = Unit
    extra = 0


@admin.register(Curriculum)
class CurriculumAdmin(TranslationAdmin):
    list_display = ["name", "trade", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name_sv", "trade"]
    filter_horizontal = ["programmes"]
    inlines = [UnitInline]


@admin.register(Objective)
class ObjectiveAdmin(TranslationAdmin):
    list_display = ["code", "text", "unit", "curriculum"]
    list_filter = ["curriculum"]
    search_fields = ["code", "text_sv"]


@admin.register(WorkplaceTask)
class WorkplaceTaskAdmin(TranslationAdmin):
    list_display = ["title", "workplace"]
    list_filter = ["workplace__organisation"]
    search_fields = ["title_sv"]
    filter_horizontal = ["objectives"]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["swedish", "explanation"]
    search_fields = ["swedish"]
