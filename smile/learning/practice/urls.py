"""URLs of the practice part of learning (included by smile.learning.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.learning.practice import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("adepts/<int:pk>/practice/", views.practice_list, name="practice-list"),
    path("adepts/<int:pk>/practice/new/", views.practice_new, name="practice-new"),
    path("practice/to-confirm/", views.practice_to_confirm, name="practice-to-confirm"),
    path("practice/<int:pk>/", views.practice_entry, name="practice-entry"),
    path("practice/<int:pk>/edit/", views.practice_edit, name="practice-edit"),
    path("practice/<int:pk>/delete/", views.practice_delete, name="practice-delete"),
    path("practice/<int:pk>/confirm/", views.practice_confirm, name="practice-confirm"),
    path("practice/<int:pk>/return/", views.practice_return, name="practice-return"),
    path(
        "practice/<int:pk>/correct/<str:field>/",
        views.practice_correct,
        name="practice-correct",
    ),
]
