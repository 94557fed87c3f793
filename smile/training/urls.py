from django.urls import path

from smile.training import views

app_name = "training"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("modules/<int:pk>/", views.module, name="module"),
    path("programmes/", views.programmes, name="programmes"),
    path("programmes/<int:pk>/", views.programme, name="programme"),
]
