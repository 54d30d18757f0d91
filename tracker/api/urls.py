"""The API v1: one router for every resource, the schema and its docs (at /api/v1/)."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from articles.api.views import ArticleViewSet
from tracker.api import views
from tracker.api.errors import not_found

app_name = "api"


class Router(DefaultRouter):
    include_format_suffixes = False  # ?format=csv instead of a .csv suffix


router = Router()
router.register("deployments", views.DeploymentViewSet, basename="deployment")
router.register("contingents", views.ContingentViewSet, basename="contingent")
router.register("metrics", views.MetricViewSet, basename="metric")
router.register("sources", views.SourceViewSet, basename="source")
router.register("estimates", views.EstimateViewSet, basename="estimate")
router.register("citations", views.CitationViewSet, basename="citation")
router.register("discrepancies", views.DiscrepancyViewSet, basename="discrepancy")
router.register("articles", ArticleViewSet, basename="article")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path(
        "redoc/",
        SpectacularRedocView.as_view(url_name="api:schema", template_name="api/redoc.html"),
        name="redoc",
    ),
    *router.urls,
    re_path(r"^", not_found),  # any path left, even one with a newline in it
]
