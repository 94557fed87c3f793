from django.urls import path

from smile.core import views

app_name = "core"
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("texts/<slug:source>/<int:pk>/translation/", views.translation, name="translation"),
]
