"""The editor pages, under /editor/. The names `login` and `logout` are the site's own."""

from django.contrib.auth import views as auth_views
from django.urls import path

from tracker.web import editor_entry, editor_review
from tracker.web.editor_access import EditorLoginView

urlpatterns = [
    path("login/", EditorLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", editor_review.queue, name="editor-queue"),
    path("queue/bulk", editor_review.bulk, name="editor-bulk"),
    path("estimates/<int:pk>/confirm", editor_review.confirm, name="editor-confirm"),
    path("estimates/<int:pk>/reject", editor_review.reject, name="editor-reject"),
    path("estimates/<int:pk>/merge", editor_review.merge, name="editor-merge"),
    path("estimates/new", editor_entry.new_estimate, name="editor-new"),
    path("estimates/<int:pk>/edit", editor_entry.edit_estimate, name="editor-edit"),
    path("estimates/<int:pk>/delete", editor_entry.delete_estimate, name="editor-delete"),
    path("estimates/<int:pk>/history", editor_entry.history, name="editor-history"),
    path(
        "estimates/<int:pk>/restore/<int:history_id>",
        editor_entry.restore,
        name="editor-restore",
    ),
    path("sources/search", editor_review.source_search, name="editor-source-search"),
]
