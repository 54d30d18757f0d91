from django.contrib import admin

from articles.models import Article, ArticleShingle, ClaimKey, Feed


class ArticleInline(admin.TabularInline):
    model = Article
    extra = 0
    fields = ["title", "url", "published", "status"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False
    max_num = 0


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["url", "outlet", "poll_interval_minutes", "is_active", "last_polled_at"]
    list_filter = ["is_active", "outlet"]
    search_fields = ["url", "title", "outlet"]
    readonly_fields = ["etag", "last_modified", "last_polled_at", "next_poll_at", "last_error"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "outlet", "published", "status", "extractor_version"]
    list_filter = ["status", "outlet", "extractor_version", "feed"]
    search_fields = ["title", "url", "outlet", "text"]
    date_hierarchy = "published"
    raw_id_fields = ["duplicate_of", "feed", "submitted_by"]
    readonly_fields = [
        "content_hash",
        "normalized_url",
        "created_at",
        "updated_at",
        "fetched_at",
        "processed_at",
    ]


@admin.register(ArticleShingle)
class ArticleShingleAdmin(admin.ModelAdmin):
    """Near-duplicate sketches (see articles/dedupe.py); for inspection, rarely edited."""

    list_display = ["article", "hash"]
    raw_id_fields = ["article"]


@admin.register(ClaimKey)
class ClaimKeyAdmin(admin.ModelAdmin):
    """Which estimate ingestion proposed for a claim identity (see articles.services)."""

    list_display = ["key", "estimate", "created_at"]
    search_fields = ["key"]
    raw_id_fields = ["estimate"]
