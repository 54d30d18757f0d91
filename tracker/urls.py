from django.contrib import admin
from django.urls import include, path

from tracker.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include("tracker.api.urls")),
    path("editor/", include("tracker.web.editor_urls")),
    path("ingest/", include("articles.web.ingest_urls")),
    path("articles/", include("articles.web.urls")),
    path("", include("tracker.web.urls")),
]
