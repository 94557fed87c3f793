from django.urls import path

from smile.learning import media

app_name = "media"

urlpatterns = [path("<slug:kind>/<int:pk>/", media.picture, name="picture")]
