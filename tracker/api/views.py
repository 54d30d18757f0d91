"""The tracker's API views: thin, each list a fixed number of queries (see the tests)."""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from tracker import queries, services
from tracker.api import serializers as s
from tracker.api.base import ApiViewMixin
from tracker.api.errors import error_body
from tracker.api.filters import (
    CitationFilter,
    ContingentFilter,
    DiscrepancyFilter,
    EstimateFilter,
    FilterBackend,
    SourceFilter,
    StrictOrderingFilter,
)
from tracker.api.rows import estimate_values, represent
from tracker.models import (
    Citation,
    Contingent,
    Deployment,
    Discrepancy,
    Estimate,
    Metric,
    Source,
)
from tracker.queries import MAX_POINTS_PER_CHART, MAX_POINTS_PER_SERIES, timeline_estimates
from tracker.roles import is_editor
from tracker.web import cache

SLUG = r"[-a-zA-Z0-9_]+"

# Named here rather than taken from settings so that ordering is always strict.
FILTERS = [FilterBackend, StrictOrderingFilter]


class ReadOnlyViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    filter_backends = FILTERS


# What an estimate's representation does not show: left in the database when a single
# estimate is read as a model (lists read plain rows, see rows.py).
ESTIMATE_UNUSED = [
    "review_note",
    "created_by",
    "updated_by",
    *(
        f"{relation}__{field}"
        for relation, fields in {
            "deployment": [
                "name",
                "sending_country",
                "host_country",
                "theatre",
                "description",
                "started_on",
                "created_at",
                "updated_at",
            ],
            "metric": ["name", "description", "sort_order", "is_cumulative"],
            "contingent": [
                "start_date",
                "start_precision",
                "end_date",
                "end_precision",
                "location",
                "status",
                "notes",
                "created_at",
                "updated_at",
            ],
            "source": [
                "country",
                "parent",
                "reliability",
                "is_party",
                "description",
                "url",
                "created_at",
                "updated_at",
            ],
            "via": [
                "country",
                "parent",
                "reliability",
                "is_party",
                "description",
                "url",
                "created_at",
                "updated_at",
            ],
        }.items()
        for field in fields
    ),
]


def _visible_citations():
    """Citations of estimates a reader may see, with their article (but not its text)."""
    return Citation.objects.select_related("article").only(
        "id",
        "estimate_id",
        "quote",
        "start",
        "end",
        "method",
        "extractor_version",
        "created_at",
        "article__id",
        "article__url",
        "article__outlet",
        "article__title",
        "article__published",
    )


@extend_schema_view(
    list=extend_schema(summary="List deployments"),
    retrieve=extend_schema(summary="A deployment, by slug"),
)
class DeploymentViewSet(ReadOnlyViewSet):
    queryset = Deployment.objects.all()
    serializer_class = s.DeploymentSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG
    ordering_fields = ["name", "updated_at"]
    ordering = "name"

    @extend_schema(
        summary="Timeseries of a metric: one series per source",
        description="What the timeline chart draws: for each originator source, its "
        "confirmed figures for the metric, oldest first. Not paginated, and bounded: a "
        "source with more estimates than its share of the chart's point budget (at most "
        f"{MAX_POINTS_PER_SERIES:,} per source, {MAX_POINTS_PER_CHART:,} in all) is "
        "aggregated by week, month or year (`aggregated: true`, its `period`), each point "
        "then spanning the lowest to the highest bound in its period, with `n` the number "
        "of estimates it stands for. To get every estimate one by one, page through "
        "`/api/v1/estimates/?deployment=…&metric=…&ordering=as_of` instead.",
        parameters=[
            OpenApiParameter("metric", OpenApiTypes.STR, OpenApiParameter.PATH),
            OpenApiParameter("contingent", OpenApiTypes.INT, description="Only this wave."),
        ],
        responses=s.TimeseriesSerializer,
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"timeseries/(?P<metric>[-a-zA-Z0-9_]+)",
        filter_backends=[],
        pagination_class=None,
    )
    def timeseries(self, request, slug: str, metric: str):
        query = s.TimeseriesQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        number = query.validated_data.get("contingent")
        deployment, metric_obj = _deployment_and_metric(slug, metric, number)
        series = _series(request, deployment, metric_obj, number)
        return Response(
            {
                "deployment": deployment.slug,
                "metric": metric_obj.slug,
                "contingent": number,
                "series": series,
            }
        )


def _deployment_and_metric(slug: str, metric: str, number: int | None) -> tuple[Deployment, Metric]:
    """The deployment and the metric named in the URL, in one query (404 if either is
    unknown); the metric comes as its id and slug, all the timeline needs of it. The same
    query brings the data version (for the series' cache) and, when `number` is given,
    the id of that wave (`wave_pk`, None if the deployment has no such wave)."""
    deployments = Deployment.objects.annotate(
        metric_pk=Subquery(Metric.objects.filter(slug=metric).values("pk"))
    )
    if number is not None:
        deployments = deployments.annotate(
            wave_pk=Subquery(
                Contingent.objects.filter(deployment=OuterRef("pk"), number=number).values("pk")
            )
        )
    try:
        deployment = cache.with_data_version(deployments).get(slug=slug)
    except Deployment.DoesNotExist as missing:
        raise Http404 from missing
    if deployment.metric_pk is None:
        raise Http404
    return deployment, Metric(pk=deployment.metric_pk, slug=metric)


def _series(request, deployment: Deployment, metric: Metric, number: int | None) -> list:
    """The timeline chart's series, of one wave when `number` is given.

    Cached as the timeline page caches them (tracker/web/cache.py): under the data
    version, the filtered query's SQL (deployment, metric, wave, what the reader may see)
    and the point caps that shape the series, so a write shows on the next request and
    readers who see the same estimates share one entry."""
    filters = {}
    if number is not None:
        if deployment.wave_pk is None:
            return []  # no such wave: nothing to draw
        # The timeline's filter names a wave by its id, the API by its number.
        filters["contingent"] = deployment.wave_pk
    estimates = timeline_estimates(deployment, metric, filters=filters, user=request.user)
    key = cache.cache_key(
        "api-series",
        cache.data_version(deployment),
        cache.queryset_identity(estimates),
        queries.MAX_POINTS_PER_SERIES,
        queries.MAX_POINTS_PER_CHART,
        queries.MIN_POINTS_PER_SERIES,
    )
    return cache.cached(key, lambda: queries.series_for_estimates(estimates))


@extend_schema_view(list=extend_schema(summary="List contingents (waves)"))
class ContingentViewSet(ReadOnlyViewSet):
    queryset = Contingent.objects.select_related("deployment")
    serializer_class = s.ContingentSerializer
    filterset_class = ContingentFilter
    ordering_fields = ["number", "updated_at"]
    ordering = "number"


@extend_schema_view(list=extend_schema(summary="List metrics"))
class MetricViewSet(ReadOnlyViewSet):
    queryset = Metric.objects.all()
    serializer_class = s.MetricSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG
    ordering_fields = ["sort_order", "slug"]
    ordering = "sort_order"


@extend_schema_view(list=extend_schema(summary="List sources, with their aliases"))
class SourceViewSet(ReadOnlyViewSet):
    queryset = Source.objects.select_related("parent").prefetch_related("aliases")
    serializer_class = s.SourceSerializer
    filterset_class = SourceFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG
    ordering_fields = ["name", "updated_at"]
    ordering = "name"


@extend_schema_view(
    list=extend_schema(
        summary="List estimates (and the change feed)",
        description="Confirmed estimates, newest first. Editors may ask for proposed or "
        "rejected ones with `status`.\n\n"
        "**Change feed.** With `updated_since`, the list is ordered by (updated_at, id) "
        "and also holds estimates deleted or rejected since then, flagged `deleted: true` "
        "or `status: rejected`, so a client can drop them. Follow `next` to the end, then "
        "resume later with `updated_since` set to the largest `updated_at` you received "
        "(minus a minute's overlap, since a slow transaction may commit a slightly older "
        "timestamp late); drop repeats by (`id`, `version`).",
    ),
    retrieve=extend_schema(summary="An estimate, with its citations"),
    create=extend_schema(
        summary="Create an estimate (editors)",
        request=s.EstimateWriteSerializer,
        responses={201: s.EstimateSerializer},
    ),
    update=extend_schema(
        summary="Replace an estimate (editors), naming the version read",
        request=s.EstimateUpdateSerializer,
        responses={200: s.EstimateSerializer},
    ),
    partial_update=extend_schema(
        summary="Change an estimate (editors), naming the version read",
        request=s.EstimateUpdateSerializer,
        responses={200: s.EstimateSerializer},
    ),
)
class EstimateViewSet(
    ApiViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = s.EstimateSerializer
    filter_backends = FILTERS
    filterset_class = EstimateFilter
    ordering_fields = ["as_of", "updated_at", "best", "citation_count", "originator_count"]
    # `best` sorts by the best figure, or the only bound when there is no best, so the
    # sort key is never null and the keyset cursor can page through it.
    ordering_expressions = {"best": Coalesce("best", "low", "high")}
    lookup_value_regex = r"[0-9]+"

    @property
    def ordering(self):
        request = getattr(self, "request", None)
        if request is not None and "updated_since" in request.query_params:
            return "updated_at"
        return "-as_of"

    def get_queryset(self):
        return (
            self.visible_estimates()
            .with_related()
            .defer(*ESTIMATE_UNUSED)
            .prefetch_related(Prefetch("citations", queryset=_visible_citations()))
        )

    def visible_estimates(self):
        """The estimates this request may see (and, for a list, asked for)."""
        editor = is_editor(self.request.user)
        estimates = Estimate.objects.all()
        if self.action == "list" and "updated_since" in self.request.query_params:
            if editor:
                return estimates
            return estimates.filter(
                Q(status__in=[Estimate.Status.CONFIRMED, Estimate.Status.REJECTED])
                | Q(deleted_at__isnull=False)
            )
        estimates = estimates.live()
        if not editor:
            return estimates.filter(status=Estimate.Status.CONFIRMED)
        if self.action == "list" and "status" not in self.request.query_params:
            return estimates.filter(status=Estimate.Status.CONFIRMED)
        return estimates

    def list(self, request, *args, **kwargs):
        # Plain rows rather than model instances (see rows.py): the same JSON, at a
        # fraction of the cost per row. Filters, ordering and the cursor apply as usual.
        estimates = estimate_values(self.filter_queryset(self.visible_estimates()))
        page = self.paginate_queryset(estimates)
        return self.get_paginated_response(represent(page))

    def _representation(self, estimate_id: int) -> dict:
        return s.EstimateSerializer(self.get_queryset().get(pk=estimate_id)).data

    def create(self, request, *args, **kwargs):
        body = s.EstimateWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        estimate = services.create_estimate(**body.validated_data, user=request.user)
        return Response(self._representation(estimate.pk), status=status.HTTP_201_CREATED)

    def update(self, request, *args, partial: bool = False, **kwargs):
        estimate = self.get_object()
        body = s.EstimateUpdateSerializer(
            data=request.data, partial=partial, context={"estimate": estimate}
        )
        body.is_valid(raise_exception=True)
        changes = dict(body.validated_data)
        version = changes.pop("version")
        try:
            estimate = services.update_estimate(
                estimate_id=estimate.pk,
                expected_version=version,
                changes=changes,
                user=request.user,
            )
        except services.ConflictError as conflict:
            current = self.get_queryset().filter(pk=estimate.pk).first()
            data = error_body(409, "conflict", str(conflict), {"version": [str(conflict)]})
            data["current"] = s.EstimateSerializer(current).data if current else None
            return Response(data, status=status.HTTP_409_CONFLICT)
        return Response(self._representation(estimate.pk))


@extend_schema_view(list=extend_schema(summary="List citations"))
class CitationViewSet(ReadOnlyViewSet):
    serializer_class = s.CitationSerializer
    filterset_class = CitationFilter
    ordering_fields = ["id", "created_at"]
    ordering = "id"

    def get_queryset(self):
        citations = _visible_citations()
        if not is_editor(self.request.user):
            citations = citations.filter(
                estimate__status=Estimate.Status.CONFIRMED, estimate__deleted_at__isnull=True
            )
        return citations


@extend_schema_view(list=extend_schema(summary="List discrepancies between estimates"))
class DiscrepancyViewSet(ReadOnlyViewSet):
    queryset = Discrepancy.objects.select_related(
        "deployment", "metric", "contingent"
    ).prefetch_related(Prefetch("estimates", queryset=Estimate.objects.only("id").order_by("id")))
    serializer_class = s.DiscrepancySerializer
    filterset_class = DiscrepancyFilter
    ordering_fields = ["created_at", "updated_at"]
    ordering = "-created_at"
