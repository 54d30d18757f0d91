"""Ingestion: articles in (text, file, URL, feed item), attributed figures out.

The pipeline, one service per step (articles.tasks wraps them for Celery):

    submit_* ─► fetch_article ─► (extract_main_text) ─► process_article:
                                   dedupe ─► run_extraction ─► match_claims ─► flag

The article row is written first (status queued) and each step moves its status:
queued → fetched → extracted → done, or duplicate (the same text as another article),
or failed (with the error an editor reads). Every step may run twice: uniqueness lives in
the database (Article.url / normalized_url / content_hash, Citation per estimate and
article, ClaimKey per claim identity) and each step claims its work with a conditional
update or a row lock, so a retried or twice-delivered task creates nothing new.

Which deployment figures are attached to: the site's only deployment, or when there are
several, the first one created (Deployment with the lowest id). Figures from a report on
another operation would need a deployment chosen per feed; that is not built yet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpx
import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.text import slugify

from articles import dedupe as near
from articles.extraction import ENGINE_VERSION, Claim, ExtractionError, KnownSource, extract
from articles.fetching import FetchError, UnsafeURLError, fetch, normalize_url
from articles.models import Article, ArticleShingle, ArticleStatus, ClaimKey, Feed, content_hash
from articles.sources import sources_and_ids
from tracker import services as domain
from tracker.analysis import refresh, refresh_after_commit
from tracker.models import (
    Citation,
    Contingent,
    DatePrecision,
    Deployment,
    Estimate,
    Metric,
    Reliability,
    Source,
    SourceKind,
)

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 1_000_000
MAX_ERROR_CHARS = 2000
UNATTRIBUTED = "Unattributed report"


class IngestError(ValueError):
    """Input refused at submission; the message is meant for whoever sent it."""


# ---------------------------------------------------------------------------------------
# Submission: write the article row, enqueue its processing after commit.


def _enqueue(task_name: str, article_id: int) -> None:
    def send() -> None:
        from articles import tasks

        # Nobody reads these results (the article's row holds its status): not stored.
        getattr(tasks, task_name).apply_async((article_id,), ignore_result=True)

    transaction.on_commit(send)


def _clean_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise IngestError("The article has no text.")
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(
            f"The text is {len(text):,} characters long; a news report is at most "
            f"{MAX_TEXT_CHARS:,}."
        )
    if "\x00" in text:
        raise IngestError("The text contains NUL bytes: it looks like a binary file.")
    return text


def _clean_url(url: str | None) -> tuple[str | None, str | None]:
    """The URL as given and its normalised key; refuses what could never be fetched."""
    if not url:
        return None, None
    url = url.strip()
    if len(url) > 2000:
        raise IngestError("The URL is longer than 2,000 characters.")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as error:
        raise IngestError(f"{url!r} is not a valid URL.") from error
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise IngestError("Give an http:// or https:// link.")
    return url, normalize_url(url)


@transaction.atomic
def submit_text(
    *,
    text: str,
    url: str | None = None,
    outlet: str = "",
    title: str = "",
    published: dt.date | None = None,
    user: Any = None,
    feed: Feed | None = None,
) -> Article:
    """Store a report given as text and queue it for processing.

    The same URL (normalised) or the same text (whitespace and case aside) is the same
    article: it is returned as it is, nothing is queued. The same text at a new URL is
    recorded as a duplicate of the first. The returned article has `newly_created` set.
    """
    text = _clean_text(text)
    url, key = _clean_url(url)
    if key is not None:
        existing = Article.objects.filter(normalized_url=key).first()
        if existing is not None:
            existing.newly_created = False
            return existing
    digest = content_hash(text)
    original = Article.objects.filter(content_hash=digest).first()
    if original is not None and key is None:
        original.newly_created = False
        return original
    fields = {
        "url": url,
        "normalized_url": key,
        "outlet": outlet[:200],
        "title": title[:500],
        "published": published,
        "text": text,
        "submitted_by": user,
        "feed": feed,
    }
    if original is not None:
        fields.update(status=ArticleStatus.DUPLICATE, duplicate_of=original, content_hash=None)
        fields["processed_at"] = timezone.now()
    else:
        fields.update(status=ArticleStatus.QUEUED, content_hash=digest)
    try:
        with transaction.atomic():
            article = Article.objects.create(**fields)
    except IntegrityError:
        # Submitted at the same moment by someone else: theirs stands.
        article = Article.objects.get(
            Q(content_hash=digest) | Q(normalized_url=key) if key else Q(content_hash=digest)
        )
        article.newly_created = False
        return article
    article.newly_created = True
    if article.status == ArticleStatus.QUEUED:
        _enqueue("process_article_task", article.pk)
    return article


@transaction.atomic
def submit_url(
    *,
    url: str,
    user: Any = None,
    feed: Feed | None = None,
    outlet: str = "",
    title: str = "",
    published: dt.date | None = None,
) -> Article:
    """Store a link and queue it to be fetched; the same link (normalised) is one article."""
    url, key = _clean_url(url)
    if url is None:
        raise IngestError("Give a link to fetch.")
    try:
        with transaction.atomic():
            article, created = Article.objects.get_or_create(
                normalized_url=key,
                defaults={
                    "url": url,
                    "outlet": outlet[:200],
                    "title": title[:500],
                    "published": published,
                    "submitted_by": user,
                    "feed": feed,
                },
            )
    except IntegrityError:
        article, created = Article.objects.get(Q(normalized_url=key) | Q(url=url)), False
    article.newly_created = created
    if created:
        _enqueue("fetch_article_task", article.pk)
    return article


TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def submit_file(
    *,
    name: str,
    content: bytes,
    url: str | None = None,
    outlet: str = "",
    title: str = "",
    published: dt.date | None = None,
    user: Any = None,
) -> Article:
    """Store an uploaded plain-text or HTML file (its main text, found by trafilatura)."""
    lowered = name.lower()
    if not lowered.endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
        raise IngestError(f"{name}: only .txt and .html files can be ingested.")
    if b"\x00" in content[:8192]:
        raise IngestError(f"{name} is a binary file, not text or HTML.")
    decoded = _decode(content)
    if lowered.endswith(HTML_SUFFIXES):
        main = extract_main_text(decoded, url=url)
        if not main.text:
            raise IngestError(f"{name}: no article text was found in this page.")
        return submit_text(
            text=main.text,
            url=url,
            outlet=outlet or main.site,
            title=title or main.title,
            published=published or main.published,
            user=user,
        )
    return submit_text(
        text=decoded, url=url, outlet=outlet, title=title, published=published, user=user
    )


def _decode(content: bytes, charset: str | None = None) -> str:
    for encoding in (charset, "utf-8-sig", "cp1252"):
        if not encoding:
            continue
        try:
            return content.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return content.decode("utf-8", errors="replace")


# ---------------------------------------------------------------------------------------
# Main text.


@dataclass(frozen=True)
class MainText:
    text: str
    title: str = ""
    published: dt.date | None = None
    site: str = ""


def _plain(value: str | None) -> str:
    """Text with any markup left in it removed (nh3 with no tags allowed), as is shown."""
    if not value:
        return ""
    return nh3.clean(value, tags=set()).replace("&amp;", "&").strip()


def extract_main_text(html: str, *, url: str | None = None) -> MainText:
    """The article body of a web page and its metadata (title, date, site), by trafilatura."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None:
        return MainText(text="")
    published = None
    if document.date:
        try:
            published = dt.date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    return MainText(
        text=_plain(document.text),
        title=_plain(document.title)[:500],
        published=published,
        site=_plain(document.sitename)[:200],
    )


# ---------------------------------------------------------------------------------------
# Failures.


def mark_failed(article: Article, error: str) -> bool:
    """Record the failure unless the article already reached a final status."""
    error = (error or "Unknown error.")[:MAX_ERROR_CHARS]
    updated = (
        Article.objects.filter(pk=article.pk)
        .exclude(status__in=Article.FINAL_STATUSES)
        .update(status=ArticleStatus.FAILED, error=error, updated_at=timezone.now())
    )
    if updated:
        article.status, article.error = ArticleStatus.FAILED, error
    return bool(updated)


# ---------------------------------------------------------------------------------------
# Fetch.


def fetch_article(article: Article) -> Article:
    """Fetch a queued article's URL and store its main text: queued → fetched (or
    duplicate when the text is another article's). FetchError propagates: the task
    retries transient ones and records the rest with `mark_failed`."""
    if article.status != ArticleStatus.QUEUED or article.text:
        return article
    Article.objects.filter(pk=article.pk).update(attempts=F("attempts") + 1)
    result = fetch(article.url)
    if result.content_type in ("text/plain",):
        main = MainText(text=_decode(result.content, result.charset).strip())
    else:
        main = extract_main_text(_decode(result.content, result.charset), url=result.url)
    if not main.text:
        raise FetchError(f"No article text was found at {article.url}.")
    text = _clean_text(main.text)
    return store_fetched_text(
        article, text=text, title=main.title, published=main.published, outlet=main.site
    )


@transaction.atomic
def store_fetched_text(
    article: Article,
    *,
    text: str,
    title: str = "",
    published: dt.date | None = None,
    outlet: str = "",
) -> Article:
    """Store fetched text on a queued article; a text another article has makes it a duplicate."""
    digest = content_hash(text)
    original = Article.objects.filter(content_hash=digest).exclude(pk=article.pk).first()
    changes: dict[str, Any] = {
        "text": text,
        "title": article.title or title[:500],
        "published": article.published or published,
        "outlet": article.outlet or outlet[:200],
        "fetched_at": timezone.now(),
        "updated_at": timezone.now(),
    }
    if original is not None:
        changes.update(
            status=ArticleStatus.DUPLICATE, duplicate_of=original, processed_at=timezone.now()
        )
    else:
        changes.update(status=ArticleStatus.FETCHED, content_hash=digest)
    try:
        with transaction.atomic():
            updated = (
                Article.objects.filter(pk=article.pk, status=ArticleStatus.QUEUED)
                .filter(text="")
                .update(**changes)
            )
    except IntegrityError:
        # Another article took this text between our check and our write.
        original = Article.objects.get(content_hash=digest)
        changes.update(
            status=ArticleStatus.DUPLICATE,
            duplicate_of=original,
            content_hash=None,
            processed_at=timezone.now(),
        )
        updated = Article.objects.filter(pk=article.pk, status=ArticleStatus.QUEUED).update(
            **changes
        )
    article.refresh_from_db()
    if updated and article.status == ArticleStatus.FETCHED:
        _enqueue("process_article_task", article.pk)
    return article


# ---------------------------------------------------------------------------------------
# Dedupe (near-duplicates).


def _store_sketch(article_id: int, sketch: list[int]) -> None:
    """Store the article's sketch; stored again on a re-run, the unique (article, hash)
    pairs make that a no-op. On PostgreSQL one statement with the hashes as an array
    (a sixth of the CPU of building 64 model instances for bulk_create)."""
    if not sketch:
        return
    if connection.vendor == "postgresql":
        table = ArticleShingle._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (article_id, hash) SELECT %s, unnest(%s::bigint[]) "
                "ON CONFLICT DO NOTHING",
                [article_id, sketch],
            )
        return
    ArticleShingle.objects.bulk_create(
        [ArticleShingle(article_id=article_id, hash=h) for h in sketch], ignore_conflicts=True
    )


def _store_and_find_candidates(article_id: int, sketch: list[int]) -> dict[int, list[int]]:
    """Store the article's sketch (as `_store_sketch`) and return the (at most 5) earlier
    articles of the window sharing the most of it, with their own sketches, most shared
    first. On PostgreSQL one statement: the insert runs as a CTE the search does not see
    (one snapshot), and the sketches come back as arrays; elsewhere three queries.

    The search is led by the sketch's hashes, through the (hash, article_id) index. The
    window's bounds are written `article_id + 0` so that they cannot lead it: the window
    holds nearly every article, but on a young table, before its first ANALYZE, the
    planner believes it small and would scan the (article_id, hash) index over the whole
    window (5 ms instead of 2.5 at 300 articles, and growing with them)."""
    low = article_id - near.WINDOW_ARTICLES
    if connection.vendor == "postgresql":
        table = ArticleShingle._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(  # the table's name is ours; every value is a parameter
                f"""WITH stored AS (
                    INSERT INTO {table} (article_id, hash) SELECT %s, unnest(%s::bigint[])
                    ON CONFLICT DO NOTHING),
                shared AS (
                    SELECT article_id, count(*) AS shared FROM {table}
                    WHERE hash = ANY(%s::bigint[])
                    AND article_id + 0 < %s AND article_id + 0 >= %s
                    GROUP BY article_id HAVING count(*) >= %s
                    ORDER BY shared DESC, article_id LIMIT 5)
                SELECT shared.article_id, array_agg(s.hash ORDER BY s.hash)
                FROM shared JOIN {table} s ON s.article_id = shared.article_id
                GROUP BY shared.article_id, shared.shared
                ORDER BY shared.shared DESC, shared.article_id""",  # noqa: S608
                [article_id, sketch, sketch, article_id, low, near.MIN_SHARED],
            )
            return {row[0]: row[1] for row in cursor.fetchall()}
    _store_sketch(article_id, sketch)
    candidates = list(
        ArticleShingle.objects.filter(
            hash__in=sketch, article_id__lt=article_id, article_id__gte=low
        )
        .values("article_id")
        .annotate(shared=Count("id"))
        .filter(shared__gte=near.MIN_SHARED)
        .order_by("-shared", "article_id")
        .values_list("article_id", flat=True)[:5]
    )
    sketches: dict[int, list[int]] = {pk: [] for pk in candidates}
    for pk, value in ArticleShingle.objects.filter(article_id__in=candidates).values_list(
        "article_id", "hash"
    ):
        sketches[pk].append(value)
    return {pk: sorted(values) for pk, values in sketches.items()}


def dedupe(article: Article) -> Article | None:
    """Link the article to the earlier one it copies with small edits, if any, and store
    its sketch so later copies find it. Returns the original found (or already linked)."""
    sketch = near.sketch(article.text)
    if article.duplicate_of_id or len(sketch) < near.MIN_SHARED:
        _store_sketch(article.pk, sketch)
        return article.duplicate_of if article.duplicate_of_id else None
    sketches = _store_and_find_candidates(article.pk, sketch)
    candidates = list(sketches)
    best_id, best_score = None, 0.0
    for candidate in candidates:
        score = near.resemblance(sketch, sketches[candidate])
        if score > best_score:
            best_id, best_score = candidate, score
    if best_id is None or best_score < near.NEAR_DUPLICATE_THRESHOLD:
        return None
    original = Article.objects.get(pk=best_id)
    # Point at the first of the cluster, not at another copy.
    if original.duplicate_of_id:
        original = Article.objects.get(pk=original.duplicate_of_id)
    Article.objects.filter(pk=article.pk).update(duplicate_of=original)
    article.duplicate_of = original
    return original


# ---------------------------------------------------------------------------------------
# Extraction.

_SOURCE_CACHE: dict[str, Any] = {"at": 0.0}
SOURCE_CACHE_SECONDS = 10.0


def _sources() -> tuple[tuple[KnownSource, ...], dict[str, int]]:
    """Known sources for the engine and a lookup from display name / alias to Source id.

    Kept for SOURCE_CACHE_SECONDS per process (a new alias takes effect within that);
    sources ingestion creates itself are added to the cache at once.
    """
    now = time.monotonic()
    if now - _SOURCE_CACHE["at"] < SOURCE_CACHE_SECONDS:
        return _SOURCE_CACHE["known"], _SOURCE_CACHE["ids"]
    known, ids = sources_and_ids()
    _SOURCE_CACHE.update(at=now, known=known, ids=ids)
    return known, ids


def forget_cached_sources() -> None:
    """Drop the per-process caches of sources and of the domain (tests, after edits)."""
    _SOURCE_CACHE["at"] = 0.0
    _DOMAIN_CACHE["at"] = 0.0


def run_extraction(article: Article) -> list[Claim]:
    """The claims the engine finds in the article. ExtractionError (refused input)
    propagates. The engine's version is recorded by the caller with the outcome: in
    `process_article` one transaction holds every step, so a status "extracted" written
    between them would never be seen by anyone (and cost a statement per article)."""
    known, _ids = _sources()
    return extract(article.text, published=article.published, outlet=article.outlet or None,
                   sources=known)  # fmt: skip


# ---------------------------------------------------------------------------------------
# Matching claims to estimates.


def default_deployment() -> Deployment:
    """The deployment figures are attached to: the only one, else the first created."""
    deployment = Deployment.objects.order_by("id").first()
    if deployment is None:
        raise ValidationError("No deployment exists yet to attach the figures to.")
    return deployment


_DOMAIN_CACHE: dict[str, Any] = {"at": 0.0}


def _domain() -> tuple[Deployment, dict[str, Metric], dict[int, Contingent]]:
    """The deployment, metrics and contingents claims are matched against, kept like the
    sources for SOURCE_CACHE_SECONDS per process (they change a few times a year)."""
    now = time.monotonic()
    if now - _DOMAIN_CACHE["at"] >= SOURCE_CACHE_SECONDS:
        deployment = default_deployment()
        _DOMAIN_CACHE.update(
            at=now,
            deployment=deployment,
            metrics={m.slug: m for m in Metric.objects.all()},
            contingents={c.number: c for c in Contingent.objects.filter(deployment=deployment)},
        )
    return _DOMAIN_CACHE["deployment"], _DOMAIN_CACHE["metrics"], _DOMAIN_CACHE["contingents"]


def _parse_date(value: str | None, *, end: bool = False) -> tuple[dt.date, str] | None:
    """'2025-02-26' / '2025-02' / '2025' as (date, precision); with `end`, the last day."""
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return dt.date.fromisoformat(value), DatePrecision.DAY
        year = int(parts[0])
        if len(parts) == 2:
            month = int(parts[1])
            if end:
                following = dt.date(year + month // 12, month % 12 + 1, 1)
                return following - dt.timedelta(days=1), DatePrecision.MONTH
            return dt.date(year, month, 1), DatePrecision.MONTH
        if end:
            return dt.date(year, 12, 31), DatePrecision.YEAR
        return dt.date(year, 1, 1), DatePrecision.YEAR
    except ValueError:
        return None


def _source_for(name: str, *, kind: str = SourceKind.OTHER) -> Source:
    """The source with this display name or alias; an unknown name becomes a new source
    (kind other unless said, reliability F) so that no figure is lost."""
    _known, ids = _sources()
    source_id = ids.get(name.casefold())
    if source_id is not None:
        return Source(pk=source_id, name=name)
    found = (
        Source.objects.filter(Q(name__iexact=name) | Q(aliases__alias__iexact=name))
        .distinct()
        .first()
    )
    if found is None:
        slug = slugify(name)[:180] or "source"
        if Source.objects.filter(slug=slug).exists():
            slug = f"{slug}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"
        try:
            with transaction.atomic():
                found = Source.objects.create(
                    name=name[:200],
                    slug=slug,
                    kind=kind,
                    reliability=Reliability.F,
                    description="Created by ingestion: a name the extractor did not know.",
                )
        except IntegrityError:
            found = Source.objects.get(name__iexact=name[:200])
    ids[name.casefold()] = found.pk
    return found


def claim_key(
    *,
    deployment_id: int,
    metric_id: int,
    contingent_id: int | None,
    source_id: int,
    as_of: dt.date,
    precision: str,
    low: int | None,
    best: int | None,
    high: int | None,
) -> str:
    identity = (
        f"{deployment_id}|{metric_id}|{contingent_id}|{source_id}|{as_of.isoformat()}|"
        f"{precision}|{low}|{best}|{high}"
    )
    return hashlib.sha256(identity.encode()).hexdigest()


@dataclass
class MatchOutcome:
    citations_created: int = 0
    estimates_created: int = 0
    estimate_ids: tuple[int, ...] = ()
    skipped: tuple[str, ...] = ()


def match_claims(article: Article, claims: Iterable[Claim]) -> MatchOutcome:
    """Each claim becomes a citation: on the existing estimate with the same deployment,
    metric, contingent, source, as-of date (and precision) and figures, whatever its
    review status (an editor's confirmation or rejection stands; the estimate itself is
    never changed), else on a new `proposed` estimate. Claims the domain refuses (a date
    in the future...) are skipped and listed in the outcome.

    The queries do not grow with the claims found in the article: one read of the
    estimates already on record for all the claims; for those not on record, the new
    estimates with their history and their ClaimKeys (`_propose`); the new citations
    with their history (`cite_many`)."""
    deployment, metrics, contingents = _domain()
    outcome = MatchOutcome()
    skipped: list[str] = []
    wanted: list[tuple[Claim, dict[str, Any], Source | None, tuple | None]] = []
    for claim in claims:
        metric = metrics.get(claim.metric)
        if metric is None:
            skipped.append(f"unknown metric {claim.metric!r} in “{claim.quote[:80]}”")
            continue
        try:
            domain.check_quote(article, claim.quote, claim.start, claim.end)
        except ValidationError as error:
            skipped.append(f"“{claim.quote[:80]}”: {'; '.join(error.messages)}")
            continue
        as_of = _parse_date(claim.as_of)
        if as_of is None:
            fallback = article.published or timezone.localdate(article.created_at)
            as_of = (fallback, DatePrecision.DAY)
        if claim.source:
            source = _source_for(claim.source)
        elif article.outlet:
            source = _source_for(article.outlet, kind=SourceKind.MEDIA)
        else:
            source = _source_for(UNATTRIBUTED)
        fields = {
            "deployment": deployment,
            "metric": metric,
            "contingent": contingents.get(claim.contingent) if claim.contingent else None,
            "source": source,
            "as_of": as_of[0],
            "as_of_precision": as_of[1],
            "low": claim.low,
            "best": claim.best,
            "high": claim.high,
        }
        via = _source_for(claim.via) if claim.via else None
        wanted.append((claim, fields, via, _parse_date(claim.period_end, end=True)))
    on_record = _estimates_on_record([fields for _claim, fields, _via, _end in wanted])
    # Claims not on record become proposed estimates, all in a fixed number of statements.
    proposals: dict[tuple, tuple[Estimate, str]] = {}
    for claim, fields, via, period_end in wanted:
        identity = _identity(fields)
        if identity in on_record or identity in proposals:
            continue
        try:
            estimate = domain.build_estimate(
                **fields,
                via=via,
                period_end=period_end[0] if period_end else None,
                qualifier=claim.qualifier,
                status=Estimate.Status.PROPOSED,
                notes=f"Proposed by ingestion from article {article.pk}.",
            )
        except ValidationError as error:
            skipped.append(f"“{claim.quote[:80]}”: {'; '.join(error.messages)}")
            continue
        proposals[identity] = (estimate, _claim_key(fields))
    created_here: set[int] = set()
    for identity, (estimate, created) in _propose(proposals).items():
        on_record[identity] = estimate
        if created:
            created_here.add(estimate.pk)
    outcome.estimates_created = len(created_here)
    quotes = [  # in the claims' order; a refused claim has no estimate to cite
        domain.Quote(estimate=on_record[identity], quote=claim.quote, start=claim.start,
                     end=claim.end)
        for claim, identity in ((claim, _identity(fields)) for claim, fields, _v, _e in wanted)
        if identity in on_record
    ]  # fmt: skip
    cited = domain.cite_many(
        article=article,
        quotes=quotes,
        method=Citation.Method.EXTRACTED,
        extractor_version=ENGINE_VERSION,
        refresh_analysis=False,
        created_here=created_here,
    )
    outcome.citations_created = sum(int(created) for _citation, created in cited)
    outcome.estimate_ids = tuple(dict.fromkeys(item.estimate.pk for item in quotes))
    outcome.skipped = tuple(skipped)
    return outcome


_IDENTITY = ("deployment", "metric", "contingent", "source", "as_of", "as_of_precision",
             "low", "best", "high")  # fmt: skip
_RELATIONS = frozenset({"deployment", "metric", "contingent", "source"})


def _identity(fields: dict[str, Any]) -> tuple:
    """What makes two figures one estimate, as plain values (ids for the relations)."""
    return tuple(
        getattr(fields[name], "pk", None) if name in _RELATIONS else fields[name]
        for name in _IDENTITY
    )


def _estimates_on_record(wanted: list[dict[str, Any]]) -> dict[tuple, Estimate]:
    """The live estimate (the first made) for each of these identities, in one query.

    On PostgreSQL the statement is written here: Django takes longer to compile the OR of
    nine-field filters (most of a millisecond) than PostgreSQL takes to run it. Each
    identity's equalities use the (deployment, metric, source, as_of) index; the nullable
    fields compare with IS NOT DISTINCT FROM, as Q(field=None) compares with IS NULL."""
    if not wanted:
        return {}
    identities = list(dict.fromkeys(_identity(fields) for fields in wanted))
    if connection.vendor == "postgresql":
        table = Estimate._meta.db_table
        one = (
            "(deployment_id = %s AND metric_id = %s AND contingent_id IS NOT DISTINCT FROM %s"
            " AND source_id = %s AND as_of = %s AND as_of_precision = %s"
            " AND low IS NOT DISTINCT FROM %s AND best IS NOT DISTINCT FROM %s"
            " AND high IS NOT DISTINCT FROM %s)"
        )
        sql = (
            f"SELECT * FROM {table} WHERE deleted_at IS NULL AND ("  # noqa: S608
            + " OR ".join([one] * len(identities))
            + ") ORDER BY id"
        )
        rows = Estimate.objects.raw(sql, [value for identity in identities for value in identity])
    else:
        match = Q()
        for fields in wanted:
            match |= Q(**fields)
        rows = Estimate.objects.filter(match, deleted_at__isnull=True).order_by("id")
    found: dict[tuple, Estimate] = {}
    for estimate in rows:
        identity = (
            estimate.deployment_id, estimate.metric_id, estimate.contingent_id,
            estimate.source_id, estimate.as_of, estimate.as_of_precision,
            estimate.low, estimate.best, estimate.high,
        )  # fmt: skip
        found.setdefault(identity, estimate)
    return found


def _claim_key(fields: dict[str, Any]) -> str:
    return claim_key(
        deployment_id=fields["deployment"].pk,
        metric_id=fields["metric"].pk,
        contingent_id=fields["contingent"].pk if fields["contingent"] else None,
        source_id=fields["source"].pk,
        as_of=fields["as_of"],
        precision=fields["as_of_precision"],
        low=fields["low"],
        best=fields["best"],
        high=fields["high"],
    )


def _propose(proposals: dict[tuple, tuple[Estimate, str]]) -> dict[tuple, tuple[Estimate, bool]]:
    """Save the proposed estimates (built, not saved) with their claim keys; for a claim
    another worker proposed at the same moment (its key committed first), theirs, and
    ours is removed as if never written. (estimate, created) per identity.

    Two statements for any number on PostgreSQL (the rows with their history, the keys;
    three elsewhere), with no savepoint: the keys' insert skips those taken (ON CONFLICT
    DO NOTHING, which waits for a concurrent writer of the same key to commit or roll
    back) and says which it stored. Taking a key is rare: two more statements then, and
    one to read theirs."""
    if not proposals:
        return {}
    mine = list(proposals.values())
    domain.create_estimates([estimate for estimate, _key in mine], refresh_analysis=False)
    table = ClaimKey._meta.db_table
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(  # the table's name is ours; every value is a parameter
            f"INSERT INTO {table} (key, estimate_id, created_at) VALUES "  # noqa: S608
            + ", ".join(["(%s, %s, %s)"] * len(mine))
            + " ON CONFLICT (key) DO NOTHING RETURNING key",
            [value for estimate, key in mine for value in (key, estimate.pk, now)],
        )
        stored = {row[0] for row in cursor.fetchall()}
    lost = [(estimate, key) for estimate, key in mine if key not in stored]
    theirs: dict[str, Estimate] = {}
    if lost:
        ids = [estimate.pk for estimate, _key in lost]
        # Raw deletes: a queryset's delete() would record the removal in the history.
        marks = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            for model in (Estimate.history.model, Estimate):
                table = model._meta.db_table
                cursor.execute(f"DELETE FROM {table} WHERE id IN ({marks})", ids)  # noqa: S608
        theirs = {
            row.key: row.estimate
            for row in ClaimKey.objects.select_related("estimate").filter(
                key__in=[key for _estimate, key in lost]
            )
        }
    return {
        identity: (theirs[key], False) if key in theirs else (estimate, True)
        for identity, (estimate, key) in proposals.items()
    }


# ---------------------------------------------------------------------------------------
# Flag.


def flag(article: Article, estimate_ids: Iterable[int]) -> None:
    """Hand the estimates an article touched to the analysis (corroboration counts,
    discrepancies, revisions), once its transaction commits.

    In-process (no broker, or tasks run eagerly) the analysis runs at the commit, through
    tracker.analysis's write hook. With workers, the ids join a set in Redis and one
    `refresh_analysis_task`, a second later, refreshes everything gathered meanwhile: a
    burst of articles about one deployment re-analyses each of its groups once, not once
    per article. The analysis then trails the article by about that second."""
    ids = sorted({pk for pk in estimate_ids if pk is not None})
    if not ids:
        return
    if _tasks_in_process():
        refresh_after_commit(ids, note_place=False)
    else:
        transaction.on_commit(lambda: _gather_for_refresh(ids), robust=True)


REFRESH_DELAY_SECONDS = 1.0
# A scheduled refresh that never ran (its worker was killed) stops blocking new ones.
REFRESH_SCHEDULE_TTL_SECONDS = 60


def _tasks_in_process() -> bool:
    from tracker.celery import app

    return bool(app.conf.task_always_eager) or not settings.REDIS_URL


_REDIS: dict[str, Any] = {}


def _pending_keys() -> tuple[Any, str, str]:
    """The Redis client and the keys of the pending ids and of the scheduled mark, named
    after the database, so that two sites sharing one Redis keep apart."""
    import redis

    client = _REDIS.get(settings.REDIS_URL)
    if client is None:
        client = _REDIS[settings.REDIS_URL] = redis.Redis.from_url(settings.REDIS_URL)
    name = settings.DATABASES["default"]["NAME"]
    return client, f"tracker:analysis:pending:{name}", f"tracker:analysis:scheduled:{name}"


def _gather_for_refresh(ids: list[int]) -> None:
    import redis

    try:
        client, pending, scheduled = _pending_keys()
        # One round trip for both: the ids join the set, then the mark is taken if free.
        batch = client.pipeline(transaction=False)
        batch.sadd(pending, *ids)
        batch.set(scheduled, 1, nx=True, ex=REFRESH_SCHEDULE_TTL_SECONDS)
        _added, marked = batch.execute()
        if marked:
            _enqueue_refresh()
    except redis.RedisError:
        # Redis is unreachable: the ids could not be handed over, so refresh them here
        # rather than leave their analysis behind.
        logger.warning("Could not gather %d estimates for their refresh; refreshing now", len(ids))
        refresh(ids)


def _enqueue_refresh() -> None:
    from articles import tasks

    tasks.refresh_analysis_task.apply_async(countdown=REFRESH_DELAY_SECONDS, ignore_result=True)


def _schedule_refresh(client: Any, scheduled: str) -> bool:
    if client.set(scheduled, 1, nx=True, ex=REFRESH_SCHEDULE_TTL_SECONDS):
        _enqueue_refresh()
        return True
    return False


def reschedule_gathered_analysis() -> bool:
    """Schedule the refresh of ids still gathered when none is scheduled (its worker was
    killed, or it failed): what the periodic sweep runs, so they wait for the next sweep
    at worst, not for the next article."""
    if _tasks_in_process():
        return False
    client, pending, scheduled = _pending_keys()
    return bool(client.exists(pending)) and _schedule_refresh(client, scheduled)


def analysis_pending() -> bool:
    """Whether estimates gathered by `flag` still wait for their refresh."""
    if _tasks_in_process():
        return False
    client, pending, scheduled = _pending_keys()
    return bool(client.exists(pending, scheduled))


def refresh_gathered_analysis() -> int:
    """Refresh the analysis of the estimates gathered by `flag` since the last run;
    returns how many. The mark is dropped before the ids are taken, so an id gathered
    meanwhile is either taken now or schedules the next run."""
    client, pending, scheduled = _pending_keys()
    client.delete(scheduled)
    with client.pipeline(transaction=True) as pipe:
        pipe.smembers(pending)
        pipe.delete(pending)
        members, _deleted = pipe.execute()
    ids = sorted(int(member) for member in members)
    if not ids:
        return 0
    try:
        refresh(ids)
    except Exception:
        # Not lost: the next article's flag schedules them again (`analyse` repairs all).
        client.sadd(pending, *ids)
        raise
    return len(ids)


# ---------------------------------------------------------------------------------------
# The whole local part of the pipeline.


def process_article(article_id: int) -> Article | None:
    """dedupe → extract → match → flag for an article that has its text. Returns None when
    the article is gone; does nothing to one already in a final status.

    One transaction, opened by locking the article's row: a twice-delivered task waits
    there, then finds the article done. The analysis refresh for everything the article
    touched runs once, after the commit."""
    article = None
    try:
        with transaction.atomic():
            article = Article.objects.select_for_update().filter(pk=article_id).first()
            if article is None or article.status in Article.FINAL_STATUSES:
                return article
            if not article.text:
                # A URL not fetched yet: that is fetch_article's work.
                return article
            dedupe(article)
            try:
                claims = run_extraction(article)
            except ExtractionError as error:
                mark_failed(article, f"The extractor refused this text: {error}")
                return article
            outcome = match_claims(article, claims)
            note = ""
            if outcome.skipped:
                note = (f"{len(outcome.skipped)} figure(s) not recorded: "
                        + " | ".join(outcome.skipped))[:MAX_ERROR_CHARS]  # fmt: skip
            finished = {
                "status": ArticleStatus.DONE,
                "extractor_version": ENGINE_VERSION,
                "error": note,
                "processed_at": timezone.now(),
                "updated_at": timezone.now(),
            }
            Article.objects.filter(pk=article.pk).update(**finished)
            flag(article, outcome.estimate_ids)
    except ValidationError as error:
        # Nothing of the article's processing was kept; the failure is recorded.
        if article is not None:
            mark_failed(article, "; ".join(error.messages))
        return article
    for name, value in finished.items():
        setattr(article, name, value)
    return article


def reextract_article(article: Article) -> MatchOutcome | None:
    """Run the current engine again on a processed article: new claims are cited, claims
    already cited stay as they are (one citation per estimate and article), and no
    existing estimate is changed, whatever its review status."""
    if not article.text or article.status == ArticleStatus.DUPLICATE:
        return None
    known, _ids = _sources()
    try:
        claims = extract(
            article.text, published=article.published, outlet=article.outlet or None,
            sources=known,
        )  # fmt: skip
    except ExtractionError as error:
        mark_failed(article, f"The extractor refused this text: {error}")
        return None
    with transaction.atomic():
        outcome = match_claims(article, claims)
        Article.objects.filter(pk=article.pk).update(
            extractor_version=ENGINE_VERSION, processed_at=timezone.now()
        )
        flag(article, outcome.estimate_ids)  # one refresh, after the commit
    return outcome


MAX_SWEEPS = 3


def requeue_stuck_articles(*, older_than: dt.timedelta) -> int:
    """Queue again the articles left in a non-final status (a worker killed mid-task).

    Re-running is safe (every step is idempotent), so a sweep that races a slow worker
    costs a little work, never a duplicate. An article found stuck MAX_SWEEPS times is
    failed instead, so one that kills its worker cannot loop for ever."""
    cutoff = timezone.now() - older_than
    stuck = list(
        Article.objects.exclude(status__in=Article.FINAL_STATUSES)
        .filter(updated_at__lt=cutoff)
        .values_list("pk", "status", "text", "attempts")[:1000]
    )
    requeued = 0
    for pk, status, text, attempts in stuck:
        if attempts >= MAX_SWEEPS:
            mark_failed(
                Article(pk=pk),
                f"Processing stopped {attempts} times without finishing; see the worker logs.",
            )
            continue
        Article.objects.filter(pk=pk).update(attempts=F("attempts") + 1, updated_at=timezone.now())
        if status == ArticleStatus.QUEUED and not text:
            _enqueue("fetch_article_task", pk)
        else:
            _enqueue("process_article_task", pk)
        requeued += 1
    return requeued


__all__ = [
    "FetchError",
    "IngestError",
    "MainText",
    "MatchOutcome",
    "UnsafeURLError",
    "analysis_pending",
    "dedupe",
    "extract_main_text",
    "fetch_article",
    "flag",
    "mark_failed",
    "match_claims",
    "process_article",
    "reextract_article",
    "refresh_gathered_analysis",
    "requeue_stuck_articles",
    "reschedule_gathered_analysis",
    "run_extraction",
    "store_fetched_text",
    "submit_file",
    "submit_text",
    "submit_url",
]
