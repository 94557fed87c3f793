from django.contrib import admin

from smile.training.models import Module


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin[Module]):
    # Reflections and completions are deliberately not in the admin: answers are private.
    list_display = ("title_en", "dimension", "basic", "order")
