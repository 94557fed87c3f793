"""Curricula, units, objectives, workplace tasks and words for staff in the Django admin, every
language side by side (modeltranslation's admin). Plans, practice, reviews and hours are records
about a person and are worked on in SMILE's own pages, where the access rules apply."""

from typing import Any

from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from smile.learning.models import Curriculum, Objective, Term, Unit, WorkplaceTask


class LabelledFileWidget(AdminFileWidget):
    """The admin's file input with its own <label>: Django wraps it in a fieldset whose legend
    axe does not accept as the input's name."""

    use_fieldset = False


PICTURES: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.ImageField: {"widget": LabelledFileWidget}
}


# Stacked, not tabular, and plain multiple choices, not filter_horizontal: Django's tabular inline
# and its two-box filter widget fail axe (an empty column header; aria-label on a bare span).
class UnitInline(TranslationStackedInline):
    model = Unit
    extra = 0


@admin.register(Curriculum)
class CurriculumAdmin(TranslationAdmin):
    list_display = ["name", "trade", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name_sv", "trade"]
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
    formfield_overrides = PICTURES


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["swedish", "explanation"]
    search_fields = ["swedish"]
    formfield_overrides = PICTURES
