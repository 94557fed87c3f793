from django.urls import path

from smile.programmes import views

app_name = "programmes"
urlpatterns = [
    path("new/", views.programme_create, name="create"),
    path("<int:pk>/", views.programme_detail, name="detail"),
    path("<int:pk>/edit/", views.programme_edit, name="edit"),
    path("<int:pk>/enrol/", views.enrolment_create, name="enrol"),
    path("enrolments/<int:pk>/edit/", views.enrolment_edit, name="enrolment-edit"),
]
