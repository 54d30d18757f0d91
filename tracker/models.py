"""The domain: deployments, their contingents, and every figure a source gave about them.

The database refuses rows that make no sense (see each model's `constraints`), so bad
data cannot enter by any path: the admin, the API, ingestion or a shell.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.manager import HistoryManager
from simple_history.models import HistoricalRecords


class _HistoryManager(HistoryManager):
    """simple_history's manager, with its class made once.

    Every `Model.history` or `instance.history` makes the manager's class anew with
    `from_queryset`, which copies the queryset's methods by introspection: about a
    millisecond, paid on every save (simple_history's post_save reads `instance.history`)
    and every history query. The class depends only on its arguments, so it is cached."""

    @classmethod
    @functools.cache
    def from_queryset(cls, queryset_class, class_name=None):
        return super().from_queryset(queryset_class, class_name)


def _history(**options) -> HistoricalRecords:
    return HistoricalRecords(history_manager=_HistoryManager, **options)


class DatePrecision(models.TextChoices):
    """How precisely a date is known. A month-precision date is stored as the 1st of its
    month, a year-precision date as 1 January of its year."""

    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


def format_date(value, precision: str) -> str:
    """A date written to its precision: 2025-02-26, 2025-02 or 2025."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def _choice_check(
    field: str, choices: type[models.TextChoices], name: str
) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{field}__in": choices.values}), name=name)


class Deployment(models.Model):
    """A tracked operation, such as North Korean forces sent to Russia."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    sending_country = models.CharField(max_length=100)
    host_country = models.CharField(max_length=100)
    theatre = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    started_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("deployment-overview", args=[self.slug])


class ContingentStatus(models.TextChoices):
    REPORTED = "reported", "Reported"
    TRAINING = "training", "Training"
    AT_FRONT = "at_front", "At the front"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Contingent(models.Model):
    """A wave of a deployment. Its size is what the `deployed` estimates for it say."""

    Status = ContingentStatus

    deployment = models.ForeignKey(Deployment, on_delete=models.CASCADE, related_name="contingents")
    number = models.PositiveSmallIntegerField(help_text="1 for the first wave, 2 for the second…")
    name = models.CharField(max_length=120)
    start_date = models.DateField(null=True, blank=True)
    start_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.MONTH
    )
    end_date = models.DateField(null=True, blank=True)
    end_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.MONTH
    )
    location = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REPORTED)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["deployment_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["deployment", "number"], name="contingent_number_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="contingent_number_positive"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="contingent_ends_after_start",
            ),
            _choice_check("status", ContingentStatus, "contingent_status_valid"),
            _choice_check("start_precision", DatePrecision, "contingent_start_precision_valid"),
            _choice_check("end_precision", DatePrecision, "contingent_end_precision_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def period_display(self) -> str:
        start = format_date(self.start_date, self.start_precision)
        end = format_date(self.end_date, self.end_precision)
        if start and end and start != end:
            return f"{start} – {end}"
        return start or end


class Metric(models.Model):
    """What is counted. The seeded slugs are part of the API and must not change."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80)
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=100)
    is_cumulative = models.BooleanField(
        default=True, help_text="A running total (killed so far), which should not go down."
    )

    class Meta:
        ordering = ["sort_order", "slug"]

    def __str__(self) -> str:
        return self.name


class SourceKind(models.TextChoices):
    INTELLIGENCE = "intelligence", "Intelligence agency"
    GOVERNMENT = "government", "Government"
    HEAD_OF_STATE = "head_of_state", "Head of state"
    LAWMAKER = "lawmaker", "Lawmaker"
    MILITARY = "military", "Military"
    MEDIA = "media", "Media outlet"
    THINK_TANK = "think_tank", "Think tank"
    OTHER = "other", "Other"


class Reliability(models.TextChoices):
    # The Admiralty (NATO) scale for the reliability of a source.
    A = "A", "A – Completely reliable"
    B = "B", "B – Usually reliable"
    C = "C", "C – Fairly reliable"
    D = "D", "D – Not usually reliable"
    E = "E", "E – Unreliable"
    F = "F", "F – Reliability cannot be judged"


class Source(models.Model):
    """Who said it: an organisation or a person."""

    Kind = SourceKind

    Reliability = Reliability

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    country = models.CharField(max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        help_text="The organisation a person speaks for (Budanov → HUR).",
    )
    reliability = models.CharField(max_length=1, choices=Reliability.choices, default=Reliability.F)
    is_party = models.BooleanField(
        default=False,
        help_text="A party to the conflict: its figures on its own or its enemy's losses "
        "are self-interested claims.",
    )
    description = models.TextField(blank=True)
    url = models.URLField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = _history()

    class Meta:
        ordering = ["name"]
        constraints = [
            _choice_check("kind", SourceKind, "source_kind_valid"),
            _choice_check("reliability", Reliability, "source_reliability_valid"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="source_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("source-detail", args=[self.slug])


class SourceAlias(models.Model):
    """A name the source goes by in text ("Ukraine's military intelligence", "Budanov")."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "source aliases"
        constraints = [
            models.UniqueConstraint(Lower("alias"), name="source_alias_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.alias


class EstimateQuerySet(models.QuerySet):
    def live(self) -> EstimateQuerySet:
        """Not deleted."""
        return self.filter(deleted_at__isnull=True)

    def confirmed(self) -> EstimateQuerySet:
        return self.live().filter(status=Estimate.Status.CONFIRMED)

    def visible_to(self, user) -> EstimateQuerySet:
        """What a reader may see: confirmed; editors also see proposed ones."""
        from tracker.roles import is_editor

        if is_editor(user):
            return self.live().exclude(status=Estimate.Status.REJECTED)
        return self.confirmed()

    def with_related(self) -> EstimateQuerySet:
        """Joins what a listing shows of each estimate (one query, no N+1)."""
        return self.select_related("deployment", "contingent", "metric", "source", "via")

    def latest_per_source(self) -> EstimateQuerySet:
        """The newest figure of each source: live, not rejected, and not superseded by a
        live, non-rejected estimate (the analysis links a source's figures into revision
        chains, see tracker/analysis/revisions.py). Timelines use the plain queryset."""
        successors = Estimate.objects.filter(
            supersedes=models.OuterRef("pk"), deleted_at__isnull=True
        ).exclude(status=Estimate.Status.REJECTED)
        return (
            self.live().exclude(status=Estimate.Status.REJECTED).exclude(models.Exists(successors))
        )


class Qualifier(models.TextChoices):
    EXACT = "exact", "Exact"
    APPROX = "approx", "Approximately"
    AT_LEAST = "at_least", "At least"
    AT_MOST = "at_most", "At most"
    RANGE = "range", "Range"


class EstimateStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class Credibility(models.IntegerChoices):
    # The Admiralty scale for the credibility of a piece of information.
    CONFIRMED = 1, "1 – Confirmed by other sources"
    PROBABLY_TRUE = 2, "2 – Probably true"
    POSSIBLY_TRUE = 3, "3 – Possibly true"
    DOUBTFUL = 4, "4 – Doubtful"
    IMPROBABLE = 5, "5 – Improbable"
    UNKNOWN = 6, "6 – Truth cannot be judged"


class Estimate(models.Model):
    """One figure a source gave for a metric, at a date."""

    Qualifier = Qualifier

    Status = EstimateStatus

    Credibility = Credibility

    # No index of its own on deployment, source or updated_at: composite indexes lead with
    # each (timeline, source, sync; see Meta), and every index slows each write and load.
    deployment = models.ForeignKey(
        Deployment, on_delete=models.PROTECT, related_name="estimates", db_index=False
    )
    contingent = models.ForeignKey(
        Contingent, on_delete=models.PROTECT, null=True, blank=True, related_name="estimates"
    )
    metric = models.ForeignKey(Metric, on_delete=models.PROTECT, related_name="estimates")
    low = models.PositiveIntegerField(null=True, blank=True)
    best = models.PositiveIntegerField(null=True, blank=True)
    high = models.PositiveIntegerField(null=True, blank=True)
    qualifier = models.CharField(max_length=8, choices=Qualifier.choices, default=Qualifier.EXACT)
    as_of = models.DateField(help_text="The date the figure holds for.")
    as_of_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    period_end = models.DateField(
        null=True, blank=True, help_text="For a figure over a period: its last day."
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="estimates",
        help_text="The originator.",
        db_index=False,
    )
    via = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="relayed_estimates",
        help_text="Who relayed the originator's figure (a lawmaker citing a briefing).",
    )
    credibility = models.PositiveSmallIntegerField(
        choices=Credibility.choices, default=Credibility.UNKNOWN
    )
    status = models.CharField(max_length=9, choices=Status.choices, default=Status.PROPOSED)
    supersedes = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="superseded_by",
        help_text="The same source's older figure that this one replaces.",
    )
    notes = models.TextField(blank=True)
    review_note = models.TextField(blank=True, help_text="Why it was rejected or changed.")
    # Corroboration, kept right by the analysis service on every write (see
    # tracker/analysis) so that long lists can be sorted by them in the database.
    citation_count = models.PositiveIntegerField(default=0, editable=False)
    outlet_count = models.PositiveIntegerField(default=0, editable=False)
    originator_count = models.PositiveIntegerField(default=0, editable=False)
    # Optimistic concurrency: a save must name the version it read (see services).
    version = models.PositiveIntegerField(default=1, editable=False)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EstimateQuerySet.as_manager()
    history = _history(excluded_fields=["citation_count", "outlet_count", "originator_count"])

    class Meta:
        ordering = ["-as_of", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(low__isnull=False) | Q(best__isnull=False) | Q(high__isnull=False),
                name="estimate_has_a_figure",
            ),
            models.CheckConstraint(
                condition=Q(low__isnull=True) | Q(best__isnull=True) | Q(low__lte=F("best")),
                name="estimate_low_le_best",
            ),
            models.CheckConstraint(
                condition=Q(best__isnull=True) | Q(high__isnull=True) | Q(best__lte=F("high")),
                name="estimate_best_le_high",
            ),
            models.CheckConstraint(
                condition=Q(low__isnull=True) | Q(high__isnull=True) | Q(low__lte=F("high")),
                name="estimate_low_le_high",
            ),
            models.CheckConstraint(
                condition=Q(period_end__isnull=True) | Q(period_end__gte=F("as_of")),
                name="estimate_period_ends_after_as_of",
            ),
            models.CheckConstraint(
                condition=Q(credibility__gte=1, credibility__lte=6),
                name="estimate_credibility_1_to_6",
            ),
            models.CheckConstraint(
                condition=~Q(supersedes=F("id")), name="estimate_not_self_superseding"
            ),
            _choice_check("qualifier", Qualifier, "estimate_qualifier_valid"),
            _choice_check("status", EstimateStatus, "estimate_status_valid"),
            _choice_check("as_of_precision", DatePrecision, "estimate_precision_valid"),
        ]
        indexes = [
            models.Index(fields=["deployment", "metric", "as_of"], name="estimate_timeline_idx"),
            models.Index(fields=["source", "metric", "as_of"], name="estimate_source_idx"),
            models.Index(fields=["status", "-created_at"], name="estimate_queue_idx"),
            # The analysis compares every figure with the year-precision figures of its
            # year (tracker/analysis/corroboration.py); few rows, so a small index.
            models.Index(
                fields=["deployment", "metric", "as_of"],
                condition=Q(as_of_precision="year"),
                name="estimate_year_precision_idx",
            ),
            # For the reads measured in benchmarks/bench_queries.py (plans in
            # docs/benchmarks.md): each serves a page of results without a scan over all
            # estimates. Partial on what readers see, so they stay small.
            # Each source's latest figure (read from the end of its stretch), and, with the
            # included columns, the timeline's per-source summaries by index-only scans
            # (the first timeline after a write: 0.27 s of SQL at a million, 0.15 s).
            models.Index(
                fields=["deployment", "metric", "source", "-as_of", "-id"],
                include=["low", "best", "high", "citation_count"],
                condition=Q(status="confirmed", deleted_at__isnull=True),
                name="estimate_latest_cover_idx",
            ),
            models.Index(
                fields=["deployment", "-originator_count", "-citation_count", "-id"],
                condition=Q(status="confirmed", deleted_at__isnull=True),
                name="estimate_corroborated_idx",
            ),
            # The API's ?ordering=(-)originator_count and (-)citation_count, with or without
            # a deployment: read in order, where a sort of every estimate took 0.4 s at 1M.
            models.Index(
                fields=["-originator_count", "-id"],
                condition=Q(status="confirmed", deleted_at__isnull=True),
                name="estimate_by_originators_idx",
            ),
            models.Index(
                fields=["-citation_count", "-id"],
                condition=Q(status="confirmed", deleted_at__isnull=True),
                name="estimate_by_citations_idx",
            ),
            models.Index(
                fields=["deployment", "metric", "as_of", "low", "high"],
                condition=Q(status="confirmed", deleted_at__isnull=True),
                name="estimate_overview_idx",
            ),
            models.Index(fields=["updated_at", "id"], name="estimate_sync_idx"),
            # The API's default order (newest first) and its keyset cursor (as_of, id).
            models.Index(fields=["as_of", "id"], name="estimate_as_of_id_idx"),
            # The contingents' strengths (queries.contingents_with_strength): each wave's
            # visible figures of a metric, read from the index alone.
            models.Index(
                fields=["contingent", "metric", "source"],
                include=["low", "best", "high"],
                condition=Q(status="confirmed", deleted_at__isnull=True),
                name="estimate_strength_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.figure_display} ({self.as_of_display})"

    def get_absolute_url(self) -> str:
        return reverse("estimate-detail", args=[self.pk])

    @property
    def as_of_display(self) -> str:
        start = format_date(self.as_of, self.as_of_precision)
        if self.period_end:
            return f"{start} – {format_date(self.period_end, self.as_of_precision)}"
        return start

    @property
    def figure_display(self) -> str:
        """The figure as a reader would say it: "about 11,000", "10,000–12,000", "≥ 3,500"."""

        def n(value: int | None) -> str:
            return f"{value:,}" if value is not None else "?"

        if self.low is not None and self.high is not None and self.low != self.high:
            text = f"{n(self.low)}–{n(self.high)}"
            if self.best is not None and self.best not in (self.low, self.high):
                text += f" (best {n(self.best)})"
            return text
        value = (
            self.best
            if self.best is not None
            else (self.low if self.low is not None else self.high)
        )
        prefix = {
            self.Qualifier.APPROX: "about ",
            self.Qualifier.AT_LEAST: "at least ",
            self.Qualifier.AT_MOST: "at most ",
        }.get(self.qualifier, "")
        return f"{prefix}{n(value)}"

    @property
    def point(self) -> int | None:
        """One number to plot: best, else the middle of the range, else the only bound."""
        if self.best is not None:
            return self.best
        if self.low is not None and self.high is not None:
            return (self.low + self.high) // 2
        return self.low if self.low is not None else self.high


class CitationMethod(models.TextChoices):
    EXTRACTED = "extracted", "Extracted"
    MANUAL = "manual", "Entered by hand"


class Citation(models.Model):
    """Where an estimate was stated: an article and the words it used.

    One article cites one estimate once (a headline and its body repeating a figure are
    one claim); five articles repeating one briefing are five citations of one estimate.
    """

    Method = CitationMethod

    # Its own index although the unique (estimate, article) one leads with it: the planner
    # costs the wider index higher and falls back to scanning every citation for the
    # timeline's citation counts (a hash join, 24 ms -> 89 ms at 100k estimates).
    estimate = models.ForeignKey(Estimate, on_delete=models.CASCADE, related_name="citations")
    # A string reference, not an import: the domain does not depend on ingestion's code.
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="citations"
    )
    quote = models.TextField()
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    method = models.CharField(max_length=9, choices=Method.choices, default=Method.MANUAL)
    extractor_version = models.CharField(max_length=40, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = _history()

    class Meta:
        ordering = ["estimate_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["estimate", "article"], name="citation_once_per_article"
            ),
            models.CheckConstraint(
                condition=(Q(start__isnull=True) & Q(end__isnull=True))
                | (Q(start__isnull=False) & Q(end__isnull=False) & Q(end__gt=F("start"))),
                name="citation_offsets_valid",
            ),
            models.CheckConstraint(condition=~Q(quote=""), name="citation_has_quote"),
            _choice_check("method", CitationMethod, "citation_method_valid"),
        ]

    def __str__(self) -> str:
        return self.quote[:80]


class DiscrepancyKind(models.TextChoices):
    VALUE = "value", "Figures disagree"
    DATE = "date", "Dates disagree"
    DECREASE = "decrease", "Running total goes down"


class DiscrepancyStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"
    DISMISSED = "dismissed", "Not a discrepancy"


class Discrepancy(models.Model):
    """Estimates that disagree, found by the analysis service, reviewed by editors."""

    Kind = DiscrepancyKind

    Status = DiscrepancyStatus

    deployment = models.ForeignKey(
        Deployment, on_delete=models.CASCADE, related_name="discrepancies"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    metric = models.ForeignKey(
        Metric, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    contingent = models.ForeignKey(
        Contingent, on_delete=models.CASCADE, null=True, blank=True, related_name="discrepancies"
    )
    estimates = models.ManyToManyField(Estimate, related_name="discrepancies")
    reason = models.TextField()
    # Identifies the disagreement and the versions of the estimates involved: an editor's
    # verdict holds until one of those estimates changes.
    fingerprint = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=9, choices=Status.choices, default=Status.OPEN)
    resolution_note = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "discrepancies"
        constraints = [
            _choice_check("kind", DiscrepancyKind, "discrepancy_kind_valid"),
            _choice_check("status", DiscrepancyStatus, "discrepancy_status_valid"),
        ]
        indexes = [models.Index(fields=["deployment", "status"], name="discrepancy_open_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.reason[:60]}"


class MetricArticle(models.Model):
    """How many citations an article gives of a deployment's live estimates of one metric,
    by status: a roll-up of Citation joined to Estimate, so that the overview counts the
    articles citing each metric from one row per (metric, article) instead of joining
    every citation to its estimate (seconds at a million estimates).

    Kept exact on PostgreSQL by triggers on both tables (migration 0009), so every write
    path counts: services, the admin, bulk writes, cascades, raw SQL. A row goes when both
    counts reach zero. Never written by Django: the relations neither cascade nor have
    database constraints, or a Django-side cascade could run before the triggers. Empty
    on other databases, where the overview joins the citations as before.
    """

    # No index of their own: the unique constraint leads with the deployment.
    deployment = models.ForeignKey(
        Deployment, models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    metric = models.ForeignKey(
        Metric, models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    article = models.ForeignKey(
        "articles.Article",
        models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    # Citations of its live confirmed (proposed) estimates.
    confirmed = models.PositiveIntegerField(default=0)
    proposed = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            # The triggers' upsert key. The counts read the table itself: its rows are
            # narrow, and a deployment's are a large share of them.
            models.UniqueConstraint(
                fields=["deployment", "metric", "article"], name="metric_article_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.confirmed} + {self.proposed} citations"
