"""Articles over the API: metadata and status in lists, the text on the detail."""

from __future__ import annotations

from rest_framework import serializers
from rest_framework.reverse import reverse

from articles.models import Article

ARTICLE_FIELDS = [
    "id",
    "url",
    "outlet",
    "title",
    "published",
    "status",
    "error",
    "duplicate_of",
    "extractor_version",
    "created_at",
    "updated_at",
    "fetched_at",
    "processed_at",
]


class ArticleSerializer(serializers.ModelSerializer):
    duplicate_of = serializers.IntegerField(
        source="duplicate_of_id", read_only=True, allow_null=True
    )

    class Meta:
        model = Article
        fields = ARTICLE_FIELDS


class ArticleDetailSerializer(ArticleSerializer):
    class Meta:
        model = Article
        fields = [*ARTICLE_FIELDS, "text"]


class ArticleSubmitSerializer(serializers.Serializer):
    """An article to ingest: a URL to fetch, or a text (with what is known about it)."""

    url = serializers.URLField(max_length=2000, required=False)
    text = serializers.CharField(required=False, max_length=500_000)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    outlet = serializers.CharField(required=False, allow_blank=True, max_length=200)
    published = serializers.DateField(required=False, allow_null=True)

    def validate(self, attrs: dict) -> dict:
        if ("url" in attrs) == ("text" in attrs):
            raise serializers.ValidationError(
                {"non_field_errors": ["Give either a url to fetch or a text, not both."]}
            )
        if "url" in attrs and set(attrs) - {"url"}:
            extra = ", ".join(sorted(set(attrs) - {"url"}))
            raise serializers.ValidationError(
                {"url": [f"With a url, the page gives the rest; leave out {extra}."]}
            )
        return attrs


class ArticleSubmittedSerializer(serializers.ModelSerializer):
    """The answer to a submission (202): where to poll for the article's progress."""

    status_url = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = ["id", "status", "status_url"]

    def get_status_url(self, article: Article) -> str:
        return reverse("api:article-detail", args=[article.pk], request=self.context.get("request"))
