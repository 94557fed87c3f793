"""Learning: curricula, plans, practice, reviews, hours, progress and the words of the trade."""

from django.urls import URLPattern, URLResolver, include, path

from smile.learning import views

app_name = "learning"

urlpatterns: list[URLPattern | URLResolver] = [
    path("adepts/<int:pk>/", views.adept_learning, name="adept"),
    path("", include("smile.learning.curricula.urls")),
    path("", include("smile.learning.plans.urls")),
    path("", include("smile.learning.practice.urls")),
    path("", include("smile.learning.reviews.urls")),
    path("", include("smile.learning.hours.urls")),
    path("", include("smile.learning.progress.urls")),
    path("", include("smile.learning.vocabulary.urls")),
]
