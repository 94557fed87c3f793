"""URLs of the coordinator's list of pairs (included by smile.mentoring.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.mentoring.pairs_overview import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("pairs/", views.pair_list, name="pairs"),
]
