from django.urls import path

from smile.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("home/<str:role>/", views.role_home, name="role-home"),
    path("healthz", views.healthz, name="healthz"),
]
