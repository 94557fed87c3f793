"""Mentoring: meetings, logs and action items, life situation, closing, early warnings."""

from django.urls import URLPattern, URLResolver, include, path

from smile.mentoring import views

app_name = "mentoring"

urlpatterns: list[URLPattern | URLResolver] = [
    path("pairs/<int:pk>/", views.pair_mentorship, name="pair"),
    path("", include("smile.mentoring.meetings.urls")),
    path("", include("smile.mentoring.logs.urls")),
    path("", include("smile.mentoring.life.urls")),
    path("", include("smile.mentoring.closing.urls")),
    path("", include("smile.mentoring.warnings.urls")),
    path("", include("smile.mentoring.digest.urls")),
    path("", include("smile.mentoring.pairs_overview.urls")),
]
