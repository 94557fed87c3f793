from django.urls import URLPattern

app_name = "belonging"

urlpatterns: list[URLPattern] = []
