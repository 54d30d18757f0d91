"""The analyst pages, mounted at the site root."""

from django.urls import path

from tracker.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("d/<slug:slug>/", views.deployment_overview, name="deployment-overview"),
    path("d/<slug:slug>/contingents/", views.contingents, name="contingents"),
    path("d/<slug:slug>/discrepancies/", views.discrepancies, name="discrepancies"),
    path("d/<slug:slug>/<slug:metric_slug>/", views.timeline, name="timeline"),
    path("sources/<slug:slug>/", views.source_detail, name="source-detail"),
    path("estimates/<int:pk>/", views.estimate_detail, name="estimate-detail"),
]
