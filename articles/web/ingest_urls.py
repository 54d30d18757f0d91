"""URL patterns; filled in by its issue."""

urlpatterns: list = []
