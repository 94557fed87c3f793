from django.urls import URLPattern

app_name = "inclusion"

urlpatterns: list[URLPattern] = []
