"""URLs of the plans part of learning (included by smile.learning.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.learning.plans import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("my-plan/", views.my_plan, name="my-plan"),
    path("adepts/<int:pk>/plan/", views.plan_detail, name="plan"),
    path("adepts/<int:pk>/plan/objectives/", views.plan_objectives, name="plan-objectives"),
    path("adepts/<int:pk>/plan/scan/", views.plan_scan, name="plan-scan"),
    path("adepts/<int:pk>/plan/levels/", views.plan_levels, name="plan-levels"),
    path("adepts/<int:pk>/plan/sign/", views.plan_sign, name="plan-sign"),
    path(
        "adepts/<int:pk>/plan/versions/<int:version>/",
        views.plan_version,
        name="plan-version",
    ),
]
