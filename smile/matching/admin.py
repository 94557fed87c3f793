from django.contrib import admin

from smile.matching.models import Pair


@admin.register(Pair)
class PairAdmin(admin.ModelAdmin):
    list_display = ["__str__", "programme", "status", "started_on", "ended_on"]
    list_filter = ["status", "programme"]
    raw_id_fields = ["mentor", "adept"]
