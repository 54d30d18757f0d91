"""The article pages, mounted at /articles/."""

from django.urls import path

from articles.web import views

urlpatterns = [
    path("", views.article_list, name="article-list"),
    path("<int:pk>/", views.article_detail, name="article-detail"),
]
