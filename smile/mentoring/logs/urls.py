"""URLs of the logs part of mentoring (included by smile.mentoring.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.mentoring.logs import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("pairs/<int:pk>/logs/new/", views.log_create, name="log-create"),
    path("logs/<int:pk>/", views.log_detail, name="log"),
    path("pairs/<int:pk>/actions/new/", views.action_create, name="action-create"),
    path("actions/<int:pk>/done/", views.action_done, name="action-done"),
    path("actions/<int:pk>/reopen/", views.action_reopen, name="action-reopen"),
]
