from django.urls import path

from smile.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("home/<str:role>/", views.role_home, name="role-home"),
    path("programmes/", views.programme_list, name="programmes"),
]
