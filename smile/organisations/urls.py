from django.urls import path

from smile.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("new/", views.organisation_create, name="create"),
    path("<int:pk>/", views.organisation_detail, name="detail"),
    path("<int:pk>/edit/", views.organisation_edit, name="edit"),
    path("<int:pk>/workplaces/new/", views.workplace_edit, name="workplace-create"),
    path(
        "<int:pk>/workplaces/<int:workplace_pk>/edit/", views.workplace_edit, name="workplace-edit"
    ),
]
