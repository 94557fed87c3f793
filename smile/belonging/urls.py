from django.urls import path

from . import views

app_name = "belonging"

urlpatterns = [
    path("", views.index, name="index"),
    path("rounds/<int:pk>/answer/", views.answer, name="answer"),
    path("programmes/<int:pk>/", views.programme, name="programme"),
    path("workplaces/<int:pk>/", views.workplace, name="workplace"),
]
