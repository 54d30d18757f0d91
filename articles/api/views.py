"""Articles over the API: read them, and submit one for ingestion (202, then poll)."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from articles.api import serializers as s
from articles.api.filters import ArticleFilter
from articles.models import Article
from articles.services import submit_text, submit_url
from tracker.api.base import ApiViewMixin
from tracker.api.filters import StrictOrderingFilter


@extend_schema_view(
    list=extend_schema(summary="List articles (metadata and status; no text)"),
    retrieve=extend_schema(summary="An article with its text; poll it after submitting"),
    create=extend_schema(
        summary="Submit an article for ingestion (editors)",
        description="A URL to fetch or a pasted text. Answered at once with 202 and the "
        "article's `status_url`: poll it until `status` is done, duplicate or failed.",
        request=s.ArticleSubmitSerializer,
        responses={202: s.ArticleSubmittedSerializer},
    ),
)
class ArticleViewSet(
    ApiViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = ArticleFilter
    ordering_fields = ["created_at", "updated_at"]
    ordering = "-created_at"
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        if self.action == "list":
            return Article.objects.defer("text")
        return Article.objects.all()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return s.ArticleDetailSerializer
        return s.ArticleSerializer

    def create(self, request, *args, **kwargs):
        body = s.ArticleSubmitSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        if "url" in data:
            article = submit_url(url=data["url"], user=request.user)
        else:
            article = submit_text(user=request.user, **data)
        answer = s.ArticleSubmittedSerializer(article, context={"request": request}).data
        return Response(
            answer, status=status.HTTP_202_ACCEPTED, headers={"Location": answer["status_url"]}
        )
