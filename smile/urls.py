from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("smile.portal.urls")),
    path("", include("smile.core.urls")),
    path("accounts/", include("smile.accounts.urls")),
    path("organisations/", include("smile.organisations.urls")),
    path("programmes/", include("smile.programmes.urls")),
    path("matching/", include("smile.matching.urls")),
    path("learning/", include("smile.learning.urls")),
    path("mentoring/", include("smile.mentoring.urls")),
    path("media/", include("smile.learning.media_urls")),
    path("notifications/", include("smile.notifications.urls")),
    path("privacy/", include("smile.privacy.urls")),
    path("leadership/", include("smile.leadership.urls")),
    path("equality/", include("smile.equality.urls")),
    path("inclusion/", include("smile.inclusion.urls")),
    path("belonging/", include("smile.belonging.urls")),
    path("training/", include("smile.training.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "smile.core.views.page_not_found"
handler500 = "smile.core.views.server_error"
handler403 = "smile.core.views.permission_denied"
