"""A large synthetic corpus for benchmarks: deployments, sources, articles, estimates, citations.

`make_synthetic(SyntheticSpec(estimates=1_000_000, articles=50_000))` fills an empty database
fast: the small tables (deployments, contingents, sources, aliases) through the ORM, the large
ones (articles, estimates, citations) with PostgreSQL's COPY through psycopg 3, or batched
`executemany` on SQLite. Everything comes from one seeded `random.Random`, so a seed gives the
same rows every time.

The rows are made to be consistent, not merely valid:

- ids of estimates grow with their `as_of` date, and each live, non-rejected estimate
  `supersedes` the same source's previous one for the same deployment, metric and contingent;
- figures of one deployment, metric, contingent and month lie in one of three disjoint
  bands around a "true" value; every estimate in a band contains the band's centre, so
  estimates overlap exactly when they share a band. That makes the corroboration counters
  known by construction: `originator_count` is the number of distinct sources of live,
  non-rejected estimates in the estimate's band (its own source always counts);
  `citation_count` and `outlet_count` are the citing articles and their distinct outlets;
- an estimate is cited by 1–5 distinct articles published on or after its date.

No history rows (django-simple-history) are written for the bulk tables: the synthetic rows
stand for data imported long ago.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import itertools
import math
import random
import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.db import connections, models, transaction
from django.utils.text import slugify

from articles.bulkload import deferred_indexes, paused_rollup, reset_sequences, write_rows
from articles.models import Article, ArticleStatus
from tracker.models import (
    Citation,
    CitationMethod,
    Contingent,
    ContingentStatus,
    DatePrecision,
    Deployment,
    Estimate,
    EstimateStatus,
    Metric,
    MetricArticle,
    Qualifier,
    Reliability,
    Source,
    SourceAlias,
    SourceKind,
)

GENERATOR_VERSION = 2
EXTRACTOR_VERSION = "synthetic-1"
# A fixed end of the corpus (not "today") so that a seed always gives the same rows.
END_DATE = dt.date(2025, 12, 31)
END_ORDINAL = END_DATE.toordinal()
END_TIME = dt.datetime(2026, 1, 31, tzinfo=dt.UTC)
MAX_DEPLOYMENTS = 60
BATCH = 1000

# Many estimates for few metrics: relative weights of the seeded slugs.
METRIC_WEIGHTS = {
    "killed": 30,
    "wounded": 18,
    "deployed": 14,
    "casualties": 12,
    "combined_force": 6,
    "in_training": 6,
    "captured": 5,
    "missing": 5,
    "returned_to_duty": 4,
}
# The order of magnitude a deployment's full figure takes, per metric.
METRIC_SCALES = {
    "deployed": (3_000, 40_000),
    "in_training": (1_000, 12_000),
    "killed": (200, 9_000),
    "wounded": (500, 25_000),
    "casualties": (800, 30_000),
    "captured": (40, 500),
    "returned_to_duty": (50, 3_000),
    "missing": (50, 4_000),
    "combined_force": (20_000, 120_000),
}
# Three disjoint bands of figures around the true value (fractions of it).
BANDS = ((0.55, 0.75), (0.85, 1.15), (1.25, 1.6))

COUNTRIES = [
    "Ukraine", "South Korea", "United States", "United Kingdom", "Japan", "Estonia",
    "Lithuania", "Poland", "Germany", "France", "Finland", "Latvia", "Canada", "Sweden",
    "Norway", "Netherlands", "Romania", "Czechia", "Denmark", "Australia",
]  # fmt: skip
ORGANISATIONS = [
    ("Military Intelligence Directorate", "MID", SourceKind.INTELLIGENCE),
    ("Foreign Intelligence Service", "FIS", SourceKind.INTELLIGENCE),
    ("Signals Intelligence Office", "SIO", SourceKind.INTELLIGENCE),
    ("Ministry of Defence", "MoD", SourceKind.GOVERNMENT),
    ("Foreign Ministry", "FM", SourceKind.GOVERNMENT),
    ("National Security Council", "NSC", SourceKind.GOVERNMENT),
    ("General Staff", "GS", SourceKind.MILITARY),
    ("Joint Operations Command", "JOC", SourceKind.MILITARY),
    ("Border Guard Service", "BGS", SourceKind.MILITARY),
    ("Institute for Strategic Studies", "ISS", SourceKind.THINK_TANK),
    ("Centre for Defence Analysis", "CDA", SourceKind.THINK_TANK),
    ("Public Broadcaster", "PB", SourceKind.MEDIA),
    ("Evening Post", "EP", SourceKind.MEDIA),
    ("Daily Ledger", "DL", SourceKind.MEDIA),
]
PERSON_ROLES = [
    (SourceKind.HEAD_OF_STATE, "President"),
    (SourceKind.LAWMAKER, "Rep."),
    (SourceKind.LAWMAKER, "Senator"),
    (SourceKind.INTELLIGENCE, "Director"),
    (SourceKind.MILITARY, "General"),
    (SourceKind.GOVERNMENT, "Minister"),
    (SourceKind.OTHER, "Analyst"),
]
FIRST_NAMES = [
    "Anna", "Oleh", "Min-jun", "Seo-yeon", "James", "Maria", "Tomas", "Aiko", "Lars",
    "Ingrid", "Piotr", "Elena", "Marek", "Hana", "David", "Sofia", "Yuki", "Andrius",
    "Claire", "Jonas", "Kateryna", "Ji-ho", "Robert", "Mei", "Viktor",
]  # fmt: skip
LAST_NAMES = [
    "Kovalenko", "Park", "Kim", "Lee", "Miller", "Novak", "Tanaka", "Berg", "Nowak",
    "Ivanova", "Horvat", "Sato", "Lind", "Moreau", "Schmidt", "Petrenko", "Choi",
    "Jensen", "Kask", "Walker", "Bauer", "Dubois", "Ozols", "Rossi", "Shevchenko",
]  # fmt: skip
OUTLETS = [f"{name} {kind}" for name in (
    "Northern", "Harbour", "Capital", "Eastern", "Continental", "Morning", "Civic",
    "Atlantic", "Pacific", "Metropolitan", "Frontier", "Globe",
) for kind in ("Wire", "Herald", "Times", "Review")]  # fmt: skip
PLACES = [
    "the border region", "the eastern front", "the northern sector", "the training grounds",
    "the occupied districts", "the port city", "the forward bases", "the river crossing",
]  # fmt: skip
# Sentences a news report is made of, in this project's own words ({} filled per article).
SENTENCES = [
    "Officials briefed reporters on the situation in {place} on condition of anonymity.",
    "The figures could not be independently verified, and both sides dispute them.",
    "Analysts cautioned that early counts are often revised as more information arrives.",
    "Satellite images published this week show new vehicles near {place}.",
    "The ministry declined to comment on the numbers when contacted by {outlet}.",
    "Diplomats said the deployment had complicated talks planned for later this month.",
    "Local residents described columns of trucks moving towards {place} at night.",
    "A spokesperson said the estimate was based on intercepted communications.",
    "Independent researchers have compiled their own tally from public reports.",
    "The government has repeatedly denied that its soldiers are taking part in combat.",
    "Several units were said to have been withdrawn for rest and reinforcement.",
    "Commanders in {place} reported heavy shelling over the weekend.",
    "Lawmakers demanded a fuller briefing after the closed session ended.",
    "It was not clear how the figure had been calculated or what period it covered.",
    "The report added that equipment losses had also risen sharply since the spring.",
    "Observers said the numbers were consistent with earlier assessments by allies.",
]
SENTENCES_PER_ARTICLE = 48  # about 4 KB of text


class SyntheticError(Exception):
    """The synthetic corpus cannot be made as asked (the message says why)."""


@dataclass(frozen=True)
class SyntheticSpec:
    estimates: int
    articles: int
    seed: int = 1
    deployments: int = 3
    sources: int = 300

    def check(self) -> None:
        if self.estimates < 1:
            raise SyntheticError("--estimates must be at least 1.")
        if self.articles < 1:
            raise SyntheticError("--articles must be at least 1 (every estimate is cited).")
        if not 1 <= self.deployments <= MAX_DEPLOYMENTS:
            raise SyntheticError(f"--deployments must be between 1 and {MAX_DEPLOYMENTS}.")
        if self.sources < 10:
            raise SyntheticError("--sources must be at least 10.")


@dataclass
class SyntheticResult:
    deployments: int = 0
    contingents: int = 0
    sources: int = 0
    aliases: int = 0
    articles: int = 0
    estimates: int = 0
    citations: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        steps = ", ".join(f"{name} {secs:.1f} s" for name, secs in self.timings.items())
        return (
            f"Made {self.estimates:,} estimates, {self.citations:,} citations, "
            f"{self.articles:,} articles, {self.sources:,} sources ({self.aliases:,} aliases), "
            f"{self.deployments} deployments with {self.contingents} contingents "
            f"in {self.seconds:.1f} s ({steps})."
        )


def make_synthetic(
    spec: SyntheticSpec, *, append: bool = False, using: str = "default"
) -> SyntheticResult:
    """Fill the database with a synthetic corpus; refuses a non-empty one unless `append`."""
    spec.check()
    started = time.perf_counter()
    result = SyntheticResult()
    if not append and Estimate.objects.using(using).exists():
        count = Estimate.objects.using(using).count()
        raise SyntheticError(
            f"The estimates table already holds {count:,} rows; "
            "pass --append to add a synthetic corpus to it."
        )
    rng = random.Random(spec.seed)
    # Millions of small objects are made and none is garbage until the end: the cyclic
    # collector would only walk them again and again.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        _make(spec, append, using, rng, result)
    finally:
        if gc_was_enabled:
            gc.enable()
    result.seconds = time.perf_counter() - started
    return result


def _make(
    spec: SyntheticSpec, append: bool, using: str, rng: random.Random, result: SyntheticResult
) -> None:
    connection = connections[using]
    big_tables = [Article, Estimate, Citation]
    empty = not any(m.objects.using(using).exists() for m in big_tables)
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Only this transaction: a crash loses nothing that was committed.
                cursor.execute("SET LOCAL synchronous_commit = off")
        tick = time.perf_counter()
        world = _make_world(rng, spec, using)
        result.deployments = len(world.deployments)
        result.contingents = sum(len(c) for c in world.contingents.values())
        result.sources, result.aliases = len(world.sources), world.alias_count
        articles = _ArticlePlan.make(rng, spec.articles, world, using)
        plan = _EstimatePlan.make(rng, spec.estimates, world, articles, using)
        result.timings["planning"] = time.perf_counter() - tick

        # The articles-per-metric roll-up is made once at the end, not row by row: into
        # empty tables from the plan, else by PostgreSQL from all the rows.
        from_plan = empty and connection.vendor == "postgresql"
        with paused_rollup(using, rebuild=not from_plan):
            # Into empty tables, indexes and foreign keys are cheaper built once at the end.
            with deferred_indexes(using, big_tables) if empty else nullcontext():
                tick = time.perf_counter()
                result.articles = write_rows(using, Article, articles.columns, articles.rows())
                result.timings["articles"] = time.perf_counter() - tick
                tick = time.perf_counter()
                result.estimates = write_rows(using, Estimate, plan.columns, plan.rows())
                result.timings["estimates"] = time.perf_counter() - tick
                tick = time.perf_counter()
                result.citations = write_rows(
                    using, Citation, plan.citation_columns, plan.citation_rows()
                )
                result.timings["citations"] = time.perf_counter() - tick
                tick = time.perf_counter()
            if empty and connection.vendor == "postgresql":
                result.timings["indexes and foreign keys"] = time.perf_counter() - tick
            tick = time.perf_counter()
            if from_plan:
                rows = plan.rollup_rows(_next_id(MetricArticle, using))
                write_rows(using, MetricArticle, plan.rollup_columns, rows)
        if connection.vendor == "postgresql":
            result.timings["articles per metric roll-up"] = time.perf_counter() - tick
        reset_sequences(using, [*big_tables, MetricArticle])
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        tick = time.perf_counter()
        with connection.cursor() as cursor:
            # Fresh statistics, so that the planner sees the new sizes at once, and the
            # visibility map set, as autovacuum would leave it, for index-only scans.
            for model in (*big_tables, MetricArticle, Source, SourceAlias, Contingent, Deployment):
                table = connection.ops.quote_name(model._meta.db_table)
                cursor.execute(f"VACUUM (ANALYZE) {table}")
        result.timings["vacuum analyze"] = time.perf_counter() - tick


# --- the small tables, through the ORM ---------------------------------------------------


@dataclass
class _World:
    deployments: list[Deployment]
    # deployment id -> its contingents, by start date
    contingents: dict[int, list[Contingent]]
    sources: list[Source]
    source_names: dict[int, str]
    relays: list[Source]
    metrics: list[Metric]
    alias_count: int


def _make_world(rng: random.Random, spec: SyntheticSpec, using: str) -> _World:
    offset = Deployment.objects.using(using).count()
    deployments = []
    for n in range(offset + 1, offset + spec.deployments + 1):
        start = dt.date(rng.randint(2016, 2024), rng.randint(1, 12), 1)
        country = rng.choice(COUNTRIES)
        deployments.append(
            Deployment(
                slug=f"synthetic-{n}",
                name=f"Synthetic deployment {n}",
                sending_country=country,
                host_country=rng.choice([c for c in COUNTRIES if c != country]),
                theatre=rng.choice(PLACES).capitalize(),
                description="A synthetic deployment made for benchmarks.",
                started_on=start,
            )
        )
    deployments = Deployment.objects.using(using).bulk_create(deployments)
    contingents: list[Contingent] = []
    for deployment in deployments:
        start = deployment.started_on
        for number in range(1, rng.randint(3, 6) + 1):
            end = min(start + dt.timedelta(days=rng.randint(60, 400)), END_DATE)
            ongoing = end >= END_DATE
            contingents.append(
                Contingent(
                    deployment=deployment,
                    number=number,
                    name=f"Wave {number}",
                    start_date=start,
                    end_date=None if ongoing else end,
                    location=rng.choice(PLACES),
                    status=ContingentStatus.AT_FRONT if ongoing else ContingentStatus.WITHDRAWN,
                )
            )
            if ongoing:
                break
            start = end + dt.timedelta(days=rng.randint(1, 60))
            if start >= END_DATE:
                break
    contingents = Contingent.objects.using(using).bulk_create(contingents)
    by_deployment: dict[int, list[Contingent]] = {d.pk: [] for d in deployments}
    for contingent in contingents:
        by_deployment[contingent.deployment_id].append(contingent)

    sources, alias_count = _make_sources(rng, spec.sources, using)
    relays = [s for s in sources if s.kind in (SourceKind.LAWMAKER, SourceKind.MEDIA)] or sources
    metrics = list(Metric.objects.using(using).order_by("sort_order", "slug"))
    if not metrics:
        raise SyntheticError("No metrics: run `manage.py migrate` first (it seeds them).")
    return _World(
        deployments=deployments,
        contingents=by_deployment,
        sources=sources,
        source_names={s.pk: s.name for s in sources},
        relays=relays,
        metrics=metrics,
        alias_count=alias_count,
    )


def _make_sources(rng: random.Random, count: int, using: str) -> tuple[list[Source], int]:
    """Organisations first, then people who speak for them (their parent)."""
    taken_names = {n.casefold() for n in Source.objects.using(using).values_list("name", flat=True)}
    taken_slugs = set(Source.objects.using(using).values_list("slug", flat=True))
    taken_aliases = {
        a.casefold() for a in SourceAlias.objects.using(using).values_list("alias", flat=True)
    }

    def unique(name: str) -> str:
        candidate, n = name, 1
        while candidate.casefold() in taken_names or slugify(candidate) in taken_slugs:
            n += 1
            candidate = f"{name} {n}"
        taken_names.add(candidate.casefold())
        taken_slugs.add(slugify(candidate))
        return candidate

    reliabilities = list(Reliability.values)
    organisations = max(1, count // 3)
    sources: list[Source] = []
    aliases: dict[int, list[str]] = {}
    combos = list(itertools.product(COUNTRIES, ORGANISATIONS))
    rng.shuffle(combos)
    for i in range(organisations):
        country, (institution, acronym, kind) = combos[i % len(combos)]
        name = unique(f"{country} {institution}")
        sources.append(
            Source(
                name=name,
                slug=slugify(name),
                kind=kind,
                country=country,
                reliability=rng.choice(reliabilities),
                is_party=rng.random() < 0.2,
            )
        )
        aliases[i] = [f"{acronym} of {country}", f"{country}'s {institution.lower()}", name]
    for i in range(organisations, count):
        kind, title = rng.choice(PERSON_ROLES)
        person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        parent_index = rng.randrange(organisations)
        name = unique(person)
        sources.append(
            Source(
                name=name,
                slug=slugify(name),
                kind=kind,
                country=sources[parent_index].country,
                reliability=rng.choice(reliabilities),
                is_party=sources[parent_index].is_party,
            )
        )
        aliases[i] = [name, f"{title} {name}"]
    sources = Source.objects.using(using).bulk_create(sources)
    for i in range(organisations, count):
        sources[i].parent = sources[rng.randrange(organisations)]
    Source.objects.using(using).bulk_update(sources[organisations:], ["parent"], batch_size=BATCH)
    alias_rows = []
    for i, names in aliases.items():
        for alias in names:
            if alias.casefold() not in taken_aliases:
                taken_aliases.add(alias.casefold())
                alias_rows.append(SourceAlias(source=sources[i], alias=alias))
    SourceAlias.objects.using(using).bulk_create(alias_rows, batch_size=BATCH)
    return sources, len(alias_rows)


# --- the large tables, as rows -------------------------------------------------------------
# These loops run a million times: they call rng.random() rather than randint/randrange
# (several times slower) and cache what repeats.


def _next_id(model: type[models.Model], using: str) -> int:
    return (model.objects.using(using).aggregate(m=models.Max("pk"))["m"] or 0) + 1


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_END_SECONDS = int((END_TIME - _EPOCH).total_seconds())
_ORDINAL_1970 = dt.date(1970, 1, 1).toordinal()


def _timestamp(ordinal: int, seconds: int) -> dt.datetime:
    """Midnight UTC of the day `ordinal`, plus `seconds`, not after END_TIME."""
    total = min((ordinal - _ORDINAL_1970) * 86_400 + seconds, _END_SECONDS)
    return _EPOCH + dt.timedelta(seconds=total)


@dataclass
class _ArticlePlan:
    first_id: int
    published: list[int]  # ordinals, ascending with the id
    outlets: list[int]  # index into OUTLETS
    seed: int
    columns: tuple[str, ...] = (
        "id", "url", "normalized_url", "outlet", "title", "published", "text",
        "content_hash", "status", "error", "attempts", "extractor_version",
        "created_at", "updated_at", "fetched_at", "processed_at",
    )  # fmt: skip

    @classmethod
    def make(cls, rng: random.Random, count: int, world: _World, using: str) -> _ArticlePlan:
        first = min(d.started_on for d in world.deployments).toordinal()
        span = END_DATE.toordinal() - first + 1
        random_ = rng.random
        published = sorted(first + int(random_() * span) for _ in range(count))
        outlets = [int(random_() * len(OUTLETS)) for _ in range(count)]
        return cls(_next_id(Article, using), published, outlets, rng.randrange(2**32))

    def index_on_or_after(self, ordinal: int) -> int:
        return bisect_left(self.published, ordinal)

    def rows(self) -> Iterator[tuple]:
        rng = random.Random(self.seed)
        slugs = [slugify(o) for o in OUTLETS]
        per_paragraph = SENTENCES_PER_ARTICLE // 6
        for i, (ordinal, outlet_index) in enumerate(zip(self.published, self.outlets, strict=True)):
            pk = self.first_id + i
            day = dt.date.fromordinal(ordinal)
            outlet = OUTLETS[outlet_index]
            place = PLACES[pk % len(PLACES)]
            title = f"Report {pk}: new figures on the deployment near {place}"
            paragraphs = [
                " ".join(rng.choices(SENTENCES, k=per_paragraph)).format(place=place, outlet=outlet)
                for _ in range(6)
            ]
            text = "\n\n".join([f"{title}.", *paragraphs, f"({outlet}, report {pk})"])
            # content_hash(text), computed faster: the only whitespace runs are "\n\n" and
            # single spaces (a test holds the two equal).
            digest = hashlib.sha256(text.replace("\n\n", " ").casefold().encode()).hexdigest()
            url = f"https://synthetic.tracker.invalid/{slugs[outlet_index]}/{day.isoformat()}/{pk}"
            stamp = _timestamp(ordinal, int(rng.random() * 86_400))
            yield (
                pk, url, url, outlet, title, day, text, digest,
                ArticleStatus.DONE, "", 1, EXTRACTOR_VERSION, stamp, stamp, stamp, stamp,
            )  # fmt: skip


def _nice(value: int, low: int, high: int) -> int:
    """Two significant figures (12,345 → 12,000) when that stays within [low, high]."""
    if value < 100:
        return value
    step = 10
    while value >= step * 100:
        step *= 10
    rounded = (value + step // 2) // step * step
    return rounded if low <= rounded <= high else value


@dataclass
class _EstimatePlan:
    """Every estimate's attributes as columns (lists), decided before anything is written."""

    first_id: int
    first_citation_id: int
    world: _World
    articles: _ArticlePlan
    seed: int = 0
    deployment: list[int] = field(default_factory=list)
    as_of: list[int] = field(default_factory=list)
    precision: list[str] = field(default_factory=list)
    metric: list[int] = field(default_factory=list)
    source: list[int] = field(default_factory=list)
    contingent: list[int | None] = field(default_factory=list)
    figures: list[tuple] = field(default_factory=list)  # (low, best, high, qualifier)
    status: list[str] = field(default_factory=list)
    deleted: list[bool] = field(default_factory=list)
    band_key: list[tuple] = field(default_factory=list)
    supersedes: list[int | None] = field(default_factory=list)
    originators: list[int] = field(default_factory=list)
    # The citing articles of estimate i: cited_counts[i] articles (indexes into the
    # article plan) from citation_start[i], citation_stride[i] apart.
    cited_counts: list[int] = field(default_factory=list)
    citation_start: list[int] = field(default_factory=list)
    citation_stride: list[int] = field(default_factory=list)
    outlet_counts: list[int] = field(default_factory=list)

    columns: tuple[str, ...] = (
        "id", "deployment_id", "contingent_id", "metric_id", "low", "best", "high",
        "qualifier", "as_of", "as_of_precision", "period_end", "source_id", "via_id",
        "credibility", "status", "supersedes_id", "notes", "review_note", "citation_count",
        "outlet_count", "originator_count", "version", "deleted_at", "created_at", "updated_at",
    )  # fmt: skip
    citation_columns: tuple[str, ...] = (
        "id", "estimate_id", "article_id", "quote", "method", "extractor_version", "created_at",
    )  # fmt: skip

    @classmethod
    def make(
        cls, rng: random.Random, count: int, world: _World, articles: _ArticlePlan, using: str
    ) -> _EstimatePlan:
        plan = cls(_next_id(Estimate, using), _next_id(Citation, using), world, articles)
        plan._dates(rng, count)
        plan._attributes(rng)
        plan._corroboration(rng)
        plan.seed = rng.randrange(2**32)
        return plan

    def _dates(self, rng: random.Random, count: int) -> None:
        """Deployment and as-of date of each estimate, sorted by date (ids follow dates)."""
        deployments = self.world.deployments
        # The first deployments are the big ones.
        weights = [1 / (i + 1) for i in range(len(deployments))]
        starts = [d.started_on.toordinal() for d in deployments]
        spans = [END_DATE.toordinal() - s + 1 for s in starts]
        random_ = rng.random
        fromordinal = dt.date.fromordinal
        keys = []
        for d in rng.choices(range(len(deployments)), weights=weights, k=count):
            ordinal = starts[d] + int(random_() * spans[d])
            roll = random_()
            if roll < 0.85:
                keys.append((ordinal << 8) | d)
            elif roll < 0.98:  # month precision: the 1st of the month
                ordinal = fromordinal(ordinal).replace(day=1).toordinal()
                keys.append((ordinal << 8) | (1 << 6) | d)
            else:  # year precision: 1 January
                ordinal = fromordinal(ordinal).replace(month=1, day=1).toordinal()
                keys.append((ordinal << 8) | (2 << 6) | d)
        keys.sort()
        names = (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR)
        self.as_of = [k >> 8 for k in keys]
        self.precision = [names[(k >> 6) & 3] for k in keys]
        self.deployment = [k & 63 for k in keys]

    def _attributes(self, rng: random.Random) -> None:
        world, count = self.world, len(self.as_of)
        metrics = world.metrics
        metric_ids = [m.pk for m in metrics]
        metric_weights = [METRIC_WEIGHTS.get(m.slug, 1) for m in metrics]
        # A few sources give most figures (Zipf-like).
        source_ids = [s.pk for s in world.sources]
        source_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(source_ids))]
        scales = {
            (d, m.pk): rng.randint(*METRIC_SCALES.get(m.slug, (100, 5_000)))
            for d in range(len(world.deployments))
            for m in metrics
        }
        cumulative = {m.pk: m.is_cumulative for m in metrics}
        waves = [[c.pk for c in world.contingents[d.pk]] for d in world.deployments]
        wave_starts = [
            [c.start_date.toordinal() for c in world.contingents[d.pk]] for d in world.deployments
        ]
        start_months = [d.started_on.year * 12 + d.started_on.month for d in world.deployments]
        self.metric = rng.choices(metric_ids, weights=metric_weights, k=count)
        self.source = rng.choices(source_ids, weights=source_weights, k=count)
        self.status = rng.choices(
            (EstimateStatus.CONFIRMED, EstimateStatus.PROPOSED, EstimateStatus.REJECTED),
            weights=(85, 10, 5),
            k=count,
        )
        shapes = rng.choices(("exact", "approx", "range", "at_least", "at_most"),
                             weights=(20, 35, 30, 10, 5), k=count)  # fmt: skip
        random_ = rng.random
        fromordinal = dt.date.fromordinal
        bands: dict[tuple, tuple[int, int, int]] = {}  # band key -> (low, high, centre)
        figures, band_keys, contingents = self.figures, self.band_key, self.contingent
        for i in range(count):
            d, ordinal, metric = self.deployment[i], self.as_of[i], self.metric[i]
            # The wave it is about: usually the latest one started, sometimes an earlier one,
            # sometimes none (the whole deployment).
            started = bisect_right(wave_starts[d], ordinal)
            roll = random_()
            if started == 0 or roll < 0.3:
                wave = None
            elif roll < 0.8:
                wave = started - 1
            else:
                wave = int(random_() * started)
            contingents.append(None if wave is None else waves[d][wave])
            shape = shapes[i]
            if shape == "at_least":
                band = 2
            elif shape == "at_most":
                band = 0
            else:
                roll = random_()
                band = 0 if roll < 0.2 else 2 if roll > 0.8 else 1
            day = fromordinal(ordinal)
            key = (d, metric, wave, day.year * 12 + day.month, band)
            band_keys.append(key)
            bounds = bands.get(key)
            if bounds is None:
                month = key[3]
                if cumulative[metric]:
                    growth = min(1.0, 0.1 + 0.9 * (month - start_months[d]) / 60)
                else:
                    growth = 0.6 + 0.04 * ((month * 37) % 11)
                share = 1.0 if wave is None else 1 / (1 + 0.5 * (wave + 1))
                true = max(40, int(scales[d, metric] * growth * share))
                low_f, high_f = BANDS[band]
                lo, hi = math.ceil(true * low_f), math.floor(true * high_f)
                bounds = bands[key] = (lo, hi, _nice((lo + hi) // 2, lo, hi))
            lo, hi, centre = bounds
            if shape == "exact" or shape == "approx":
                figures.append((centre, centre, centre, shape))
            elif shape == "range":
                low = _nice(lo + int(random_() * (centre - lo + 1)), lo, centre)
                high = _nice(centre + int(random_() * (hi - centre + 1)), centre, hi)
                best = centre if random_() < 0.5 else None
                figures.append((low, best, high, Qualifier.RANGE))
            elif shape == "at_least":
                figures.append(
                    (_nice(lo + int(random_() * (centre - lo + 1)), lo, centre), None, None, shape)
                )
            else:
                high = _nice(centre + int(random_() * (hi - centre + 1)), centre, hi)
                figures.append((None, None, high, shape))
        self.deleted = [random_() < 0.01 for _ in range(count)]

    def _corroboration(self, rng: random.Random) -> None:
        """Revisions, originator counts and the articles citing each estimate."""
        count = len(self.as_of)
        agreeing: dict[tuple, set[int]] = {}
        latest: dict[tuple, int] = {}
        rejected = EstimateStatus.REJECTED
        supersedes = self.supersedes
        for i in range(count):
            if self.deleted[i] or self.status[i] == rejected:
                supersedes.append(None)
                continue
            source = self.source[i]
            key = self.band_key[i]
            agreeing_sources = agreeing.get(key)
            if agreeing_sources is None:
                agreeing[key] = {source}
            else:
                agreeing_sources.add(source)
            key = (source, self.deployment[i], self.metric[i], self.contingent[i])
            supersedes.append(latest.get(key))
            latest[key] = self.first_id + i
        self.originators = [
            len(sources) + (source not in sources)
            for sources, source in zip(
                (agreeing.get(k, ()) for k in self.band_key), self.source, strict=True
            )
        ]
        self.band_key = []  # not needed any more; frees memory before writing

        articles = self.articles
        total = len(articles.published)
        # About a month of articles: where the citing articles of an estimate are found.
        first, last = articles.published[0], articles.published[-1]
        window = max(1, int(total * 30 / max(1, last - first)))
        stride_range = max(1, window // 4)
        cited_counts = rng.choices((1, 2, 3, 4, 5), weights=(35, 25, 18, 12, 10), k=count)
        outlets, published = articles.outlets, articles.published
        random_ = rng.random
        starts, strides = self.citation_start, self.citation_stride
        outlet_counts = self.outlet_counts
        for i in range(count):
            k = min(cited_counts[i], total)
            stride = 1 + int(random_() * stride_range)
            start = bisect_left(published, self.as_of[i]) + int(random_() * window)
            start = min(start, total - 1 - (k - 1) * stride)
            if start < 0:
                start, stride = 0, 1
            starts.append(start)
            strides.append(stride)
            outlet_counts.append(
                1 if k == 1 else len({outlets[a] for a in range(start, start + k * stride, stride)})
            )
        self.cited_counts = [min(k, total) for k in cited_counts]

    def rows(self) -> Iterator[tuple]:
        rng = random.Random(self.seed)
        random_ = rng.random
        deployment_ids = [d.pk for d in self.world.deployments]
        relays = [s.pk for s in self.world.relays]
        fromordinal = dt.date.fromordinal
        for i in range(len(self.as_of)):
            ordinal = self.as_of[i]
            day = fromordinal(ordinal)
            low, best, high, qualifier = self.figures[i]
            period_end = (
                fromordinal(min(END_ORDINAL, ordinal + 7 + int(random_() * 84)))
                if random_() < 0.05
                else None
            )
            via = relays[int(random_() * len(relays))] if random_() < 0.15 else None
            if via == self.source[i]:
                via = None
            seconds = int(random_() * 30 * 86_400)
            created = _timestamp(ordinal, seconds)
            revised = random_() < 0.3
            updated = (
                _timestamp(ordinal, seconds + int(random_() * 400 * 86_400)) if revised else created
            )
            yield (
                self.first_id + i, deployment_ids[self.deployment[i]], self.contingent[i],
                self.metric[i], low, best, high, qualifier, day, self.precision[i], period_end,
                self.source[i], via, 1 + int(random_() * 6), self.status[i], self.supersedes[i],
                "", "", self.cited_counts[i], self.outlet_counts[i], self.originators[i],
                2 if revised else 1, updated if self.deleted[i] else None, created, updated,
            )  # fmt: skip

    def citation_rows(self) -> Iterator[tuple]:
        rng = random.Random(self.seed + 1)
        random_ = rng.random
        pk = self.first_citation_id
        first_article = self.articles.first_id
        names = self.world.source_names
        metric_names = {m.pk: m.name.lower() for m in self.world.metrics}
        for i in range(len(self.as_of)):
            low, best, high, _ = self.figures[i]
            value = best if best is not None else low if low is not None else high
            quote = (
                f"{value:,} {metric_names[self.metric[i]]}, according to {names[self.source[i]]}"
            )
            if random_() < 0.7:
                method, version = CitationMethod.EXTRACTED, EXTRACTOR_VERSION
            else:
                method, version = CitationMethod.MANUAL, ""
            created = _timestamp(self.as_of[i], 86_400)
            estimate = self.first_id + i
            first = first_article + self.citation_start[i]
            stride = self.citation_stride[i]
            for j in range(self.cited_counts[i]):
                yield (pk, estimate, first + j * stride, quote, method, version, created)
                pk += 1

    rollup_columns: tuple[str, ...] = (
        "id", "deployment_id", "metric_id", "article_id", "confirmed", "proposed",
    )  # fmt: skip

    def rollup_rows(self, first_id: int) -> Iterator[tuple]:
        """The MetricArticle rows these estimates' citations make (what the roll-up's
        triggers would count: citations of live confirmed or proposed estimates), in the
        order of its unique key, so that the key's index is built from the right."""
        deployment_ids = [d.pk for d in self.world.deployments]
        first_article = self.articles.first_id
        # (deployment, metric, article) packed in one int; confirmed in the low 32 bits
        # of the count, proposed in the high ones: a million estimates' 2.4 million
        # citations counted in about a second, where the SQL grouping took eight.
        counts: dict[int, int] = {}
        get = counts.get
        for i in range(len(self.as_of)):
            status = self.status[i]
            if self.deleted[i] or status == EstimateStatus.REJECTED:
                continue
            one = 1 if status == EstimateStatus.CONFIRMED else 1 << 32
            group = (deployment_ids[self.deployment[i]] << 56) | (self.metric[i] << 40)
            first = first_article + self.citation_start[i]
            stride = self.citation_stride[i]
            for j in range(self.cited_counts[i]):
                key = group | (first + j * stride)
                counts[key] = get(key, 0) + one
        low = (1 << 32) - 1
        for offset, key in enumerate(sorted(counts)):
            value = counts[key]
            yield (first_id + offset, key >> 56, (key >> 40) & 0xFFFF,
                   key & ((1 << 40) - 1), value & low, value >> 32)  # fmt: skip
