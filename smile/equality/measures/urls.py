"""URLs of active measures (included by smile.equality.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.equality.measures import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("measures/", views.index, name="measures"),
    path("measures/<int:pk>/", views.cycle, name="measure-cycle"),
]
