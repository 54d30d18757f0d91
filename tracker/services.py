"""Writes to the domain. Every function validates, writes atomically and returns the object.

Views, API viewsets, commands and ingestion call these; none of them saves an Estimate
or a Citation by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tracker.analysis import refresh_after_commit
from tracker.history import create_with_history
from tracker.models import (
    Citation,
    Contingent,
    DatePrecision,
    Deployment,
    Estimate,
    Metric,
    Qualifier,
    Source,
)


def _figure_errors(low: int | None, best: int | None, high: int | None) -> dict[str, str]:
    """The rules the database enforces, said in an editor's words."""
    if low is None and best is None and high is None:
        return {"best": "Give at least one figure: low, best or high."}
    errors: dict[str, str] = {}
    for name, value in (("low", low), ("best", best), ("high", high)):
        if value is not None and value < 0:
            errors[name] = "A figure cannot be negative."
    if low is not None and best is not None and low > best:
        errors["low"] = f"The low figure ({low:,}) is above the best figure ({best:,})."
    if best is not None and high is not None and best > high:
        errors["high"] = f"The high figure ({high:,}) is below the best figure ({best:,})."
    if low is not None and high is not None and low > high:
        errors["low"] = f"The low figure ({low:,}) is above the high figure ({high:,})."
    return errors


def validate_estimate_fields(
    *,
    low: int | None,
    best: int | None,
    high: int | None,
    as_of: dt.date,
    period_end: dt.date | None = None,
    contingent: Contingent | None = None,
    deployment: Deployment | None = None,
    today: dt.date | None = None,
) -> None:
    errors = _figure_errors(low, best, high)
    today = today or dt.date.today()
    if as_of > today:
        errors["as_of"] = f"The as-of date {as_of.isoformat()} is in the future."
    if period_end is not None and period_end < as_of:
        errors["period_end"] = "The period cannot end before it starts."
    if (
        contingent is not None
        and deployment is not None
        and contingent.deployment_id != deployment.pk
    ):
        errors["contingent"] = "This contingent belongs to another deployment."
    if errors:
        raise ValidationError(errors)


def build_estimate(
    *,
    deployment: Deployment,
    metric: Metric,
    source: Source,
    as_of: dt.date,
    low: int | None = None,
    best: int | None = None,
    high: int | None = None,
    qualifier: str = Qualifier.EXACT,
    as_of_precision: str = DatePrecision.DAY,
    period_end: dt.date | None = None,
    contingent: Contingent | None = None,
    via: Source | None = None,
    credibility: int = Estimate.Credibility.UNKNOWN,
    status: str = Estimate.Status.PROPOSED,
    notes: str = "",
    user: Any = None,
) -> Estimate:
    """A new estimate, checked and not saved: `create_estimate` saves one, and
    `create_estimates` several at once. A refusal (ValidationError) reads no database."""
    validate_estimate_fields(
        low=low,
        best=best,
        high=high,
        as_of=as_of,
        period_end=period_end,
        contingent=contingent,
        deployment=deployment,
    )
    estimate = Estimate(
        deployment=deployment,
        metric=metric,
        source=source,
        via=via,
        contingent=contingent,
        low=low,
        best=best,
        high=high,
        qualifier=qualifier,
        as_of=as_of,
        as_of_precision=as_of_precision,
        period_end=period_end,
        credibility=credibility,
        status=status,
        notes=notes,
        created_by=user,
        updated_by=user,
    )
    # Field checks (choices, ranges) in Python, without the ~17 queries full_clean()
    # would spend re-checking each foreign key and each check constraint against the
    # database: the objects were passed in, validate_estimate_fields() checked the
    # figure rules above, and the database's constraints refuse anything else.
    estimate.full_clean(
        exclude=[
            "deployment",
            "metric",
            "source",
            "via",
            "contingent",
            "supersedes",
            "created_by",
            "updated_by",
        ],
        validate_unique=False,
        validate_constraints=False,
    )
    return estimate


def create_estimate(*, refresh_analysis: bool = True, **fields: Any) -> Estimate:
    """A new estimate (`build_estimate`'s arguments). With `refresh_analysis=False` the
    caller hands its id to the analysis itself (ingestion's flag step does, for all an
    article touched)."""
    estimate = build_estimate(**fields)
    # Building reads no database, so a refusal leaves the caller's transaction as it was;
    # the row and its historical record are written together, without a savepoint of
    # their own (a caller that must survive a failed insert makes one).
    with transaction.atomic(savepoint=False):
        estimate.save()
        if refresh_analysis:
            refresh_after_commit([estimate.pk], note_place=False)
    return estimate


def create_estimates(
    estimates: list[Estimate], *, user: Any = None, refresh_analysis: bool = True
) -> None:
    """Save estimates made by `build_estimate` (for `user`) with their historical records,
    in one statement whatever their number (two on SQLite; `create_with_history`); the
    ids are set on the objects."""
    if not estimates:
        return
    with transaction.atomic(savepoint=False):
        create_with_history(estimates, user=user)
        if refresh_analysis:
            refresh_after_commit([estimate.pk for estimate in estimates], note_place=False)


def check_quote(
    article: Any, quote: str, start: int | None, end: int | None
) -> tuple[str, int | None, int | None]:
    """The quote stripped, with its offsets found in the article's text when not given;
    refuses an empty quote and offsets that do not frame it."""
    quote = quote.strip()
    if not quote:
        raise ValidationError({"quote": "A citation needs the words the article used."})
    text = getattr(article, "text", "") or ""
    if start is None and quote in text:
        start = text.index(quote)
        end = start + len(quote)
    if start is not None and (end is None or text[start:end] != quote):
        raise ValidationError(
            {"quote": "The quote does not match the article's text at those offsets."}
        )
    return quote, start, end


def cite(
    *,
    estimate: Estimate,
    article: Any,
    quote: str,
    start: int | None = None,
    end: int | None = None,
    method: str = Citation.Method.MANUAL,
    extractor_version: str = "",
    user: Any = None,
) -> tuple[Citation, bool]:
    """Cite `estimate` from `article`; returns (citation, created).

    An article cites an estimate once: citing it again returns the existing citation,
    so a retried task or a re-run import creates nothing new.
    """
    quote, start, end = check_quote(article, quote, start, end)
    try:
        with transaction.atomic():
            citation, created = Citation.objects.get_or_create(
                estimate=estimate,
                article=article,
                defaults={
                    "quote": quote,
                    "start": start,
                    "end": end,
                    "method": method,
                    "extractor_version": extractor_version,
                    "created_by": user,
                },
            )
    except IntegrityError:
        # A concurrent writer cited it first: theirs stands.
        return Citation.objects.get(estimate=estimate, article=article), False
    if created:
        refresh_after_commit([estimate.pk], note_place=False, counts_only=True)
    return citation, created


@dataclass(frozen=True)
class Quote:
    """One estimate an article states, and where: an item for `cite_many`."""

    estimate: Estimate
    quote: str
    start: int | None = None
    end: int | None = None


def cite_many(
    *,
    article: Any,
    quotes: list[Quote],
    method: str = Citation.Method.MANUAL,
    extractor_version: str = "",
    user: Any = None,
    refresh_analysis: bool = True,
    created_here: Collection[int] = (),
) -> list[tuple[Citation, bool]]:
    """`cite` for several estimates of one article, with the same rules and result per
    item, in a fixed number of queries: one to find what the article already cites, and
    the new citations with their historical records (`create_with_history`). An estimate given
    twice is cited once (the first quote). Refused quotes raise before anything is
    written; a concurrent writer's citation falls back to `cite`, one by one.
    `refresh_analysis=False`: as for `create_estimate`. `created_here`: ids of estimates
    the caller created in the current transaction; nobody else can see them yet, let
    alone cite them, so the lookup and the savepoint are left out for those."""
    checked = [(item.estimate, *check_quote(article, item.quote, item.start, item.end))
               for item in quotes]  # fmt: skip
    if not checked:
        return []
    earlier = {estimate.pk for estimate, *_rest in checked} - set(created_here)
    existing = (
        {
            citation.estimate_id: citation
            for citation in Citation.objects.filter(article=article, estimate_id__in=earlier)
        }
        if earlier
        else {}
    )
    new: dict[int, Citation] = {}
    for estimate, quote, start, end in checked:
        if estimate.pk in existing or estimate.pk in new:
            continue
        new[estimate.pk] = Citation(
            estimate=estimate,
            article=article,
            quote=quote,
            start=start,
            end=end,
            method=method,
            extractor_version=extractor_version,
            created_by=user if getattr(user, "pk", None) else None,
        )
    if new:
        try:
            # A savepoint only where a concurrent citation is possible.
            with transaction.atomic(savepoint=bool(earlier & set(new))):
                create_with_history(list(new.values()), user=user)
        except IntegrityError:
            # Someone cited one of them meanwhile: one by one, theirs stands.
            results = [
                cite(estimate=estimate, article=article, quote=quote, start=start, end=end,
                     method=method, extractor_version=extractor_version, user=user)
                for estimate, quote, start, end in checked
            ]  # fmt: skip
            return results
        if refresh_analysis:
            refresh_after_commit(list(new), note_place=False, counts_only=True)
    results: list[tuple[Citation, bool]] = []
    for estimate, *_rest in checked:
        if estimate.pk in existing:
            results.append((existing[estimate.pk], False))
        else:
            results.append((new[estimate.pk], True))
            existing[estimate.pk] = new[estimate.pk]  # given again: not created again
    return results


# --- Editors: update, review, merge, delete and restore estimates --------------------------
#
# Every write below bumps `Estimate.version`, records who made it (simple_history's
# history_user comes from HistoryRequestMiddleware on a request; `user` is also stored as
# `updated_by`), and asks the analysis service to recompute what depends on the estimates
# it touched, once the transaction has committed.

#: The fields an editor may change through `update_estimate`.
EDITABLE_FIELDS: tuple[str, ...] = (
    "deployment",
    "contingent",
    "metric",
    "low",
    "best",
    "high",
    "qualifier",
    "as_of",
    "as_of_precision",
    "period_end",
    "source",
    "via",
    "credibility",
    "status",
    "supersedes",
    "notes",
    "review_note",
)


#: What a restore puts back, and what a conflict or the history compares. Not `supersedes`:
#: the analysis rewrites it (without a new version) from the figures, so an old value
#: would be stale and a difference would not be any editor's change.
RESTORED_FIELDS: tuple[str, ...] = (
    *(name for name in EDITABLE_FIELDS if name != "supersedes"),
    "deleted_at",
)


class ConflictError(Exception):
    """Someone saved the estimate after the editor read it: their change is not overwritten.

    `current` is the estimate as it is now; `changed` lists, per field, the value the editor
    read (at `expected_version`) and the value saved since, as (field, read, now) tuples.
    """

    def __init__(self, *, current: Estimate, expected_version: int, changed: list[tuple]):
        self.current = current
        self.expected_version = expected_version
        self.changed = changed
        who = current.updated_by.get_username() if current.updated_by else "someone"
        super().__init__(
            f"Estimate {current.pk} was changed by {who} (now version {current.version}, "
            f"you read version {expected_version})."
        )


def _changes_since(estimate: Estimate, version: int) -> list[tuple[str, Any, Any]]:
    """What differs between the estimate at `version` (from its history) and now."""
    then = estimate.history.filter(version=version).order_by("-history_date").first()
    if then is None:
        return []
    changed = []
    for name in RESTORED_FIELDS:
        field = Estimate._meta.get_field(name)
        attname = field.attname
        old, new = getattr(then, attname), getattr(estimate, attname)
        if old != new:
            changed.append((name, old, new))
    return changed


def _check_figures(estimate: Estimate) -> None:
    validate_estimate_fields(
        low=estimate.low,
        best=estimate.best,
        high=estimate.high,
        as_of=estimate.as_of,
        period_end=estimate.period_end,
        contingent=estimate.contingent,
        deployment=estimate.deployment,
    )
    if estimate.supersedes_id is not None and estimate.supersedes_id == estimate.pk:
        raise ValidationError({"supersedes": "An estimate cannot supersede itself."})
    estimate.full_clean(validate_constraints=False)


def _locked(estimate_id: int) -> Estimate:
    """The estimate, locked for the rest of the transaction (SELECT … FOR UPDATE)."""
    try:
        return Estimate.objects.select_for_update().get(pk=estimate_id)
    except Estimate.DoesNotExist:
        raise ValidationError(f"There is no estimate number {estimate_id}.") from None


def _save_new_version(estimate: Estimate, *, user: Any) -> Estimate:
    """Save a locked estimate as its next version (one historical record, with `user`)."""
    estimate.version += 1
    estimate.updated_by = user if getattr(user, "pk", None) else None
    estimate._history_user = estimate.updated_by  # read by simple_history, request or not
    estimate.save()
    return estimate


@transaction.atomic
def update_estimate(
    *, estimate_id: int, expected_version: int, changes: dict[str, Any], user: Any
) -> Estimate:
    """Apply `changes` to the estimate if nobody saved it since `expected_version`.

    The version check is a conditional UPDATE … WHERE version = expected: of two editors
    who read the same version, exactly one claims it, even when both save at once (on
    PostgreSQL the second UPDATE waits for the first to commit, then matches no row).
    The loser gets a ConflictError and nothing of theirs is written.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"These fields cannot be changed here: {', '.join(sorted(unknown))}.")
    claimed = Estimate.objects.filter(pk=estimate_id, version=expected_version).update(
        version=expected_version + 1
    )
    if not claimed:
        current = Estimate.objects.select_related("updated_by").filter(pk=estimate_id).first()
        if current is None:
            raise ValidationError(f"There is no estimate number {estimate_id}.")
        raise ConflictError(
            current=current,
            expected_version=expected_version,
            changed=_changes_since(current, expected_version),
        )
    # The row is ours (locked) until commit; read it fresh and write the changes.
    estimate = Estimate.objects.get(pk=estimate_id)
    if estimate.deleted_at is not None:
        raise ValidationError(f"Estimate {estimate_id} has been deleted; restore it first.")
    refresh_after_commit([estimate.pk])  # before the change: the old group is refreshed too
    for name, value in changes.items():
        setattr(estimate, name, value)
    _check_figures(estimate)
    estimate.version = expected_version  # _save_new_version moves it to the claimed one
    _save_new_version(estimate, user=user)
    return estimate


def _set_status(estimate_id: int, *, status: str, note: str | None, user: Any) -> Estimate:
    estimate = _locked(estimate_id)
    if estimate.deleted_at is not None:
        raise ValidationError(f"Estimate {estimate_id} has been deleted; restore it first.")
    estimate.status = status
    if note is not None:
        estimate.review_note = note
    return _save_new_version(estimate, user=user)


@transaction.atomic
def confirm_estimate(*, estimate_id: int, user: Any) -> Estimate:
    estimate = _set_status(estimate_id, status=Estimate.Status.CONFIRMED, note=None, user=user)
    refresh_after_commit([estimate.pk])
    return estimate


@transaction.atomic
def reject_estimate(*, estimate_id: int, reason: str, user: Any) -> Estimate:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why the estimate is rejected."})
    estimate = _set_status(estimate_id, status=Estimate.Status.REJECTED, note=reason, user=user)
    refresh_after_commit([estimate.pk])
    return estimate


@transaction.atomic
def bulk_confirm_estimates(*, estimate_ids: list[int], user: Any) -> list[Estimate]:
    """Confirm them all, or none if one cannot be (deleted or missing)."""
    done = [
        _set_status(pk, status=Estimate.Status.CONFIRMED, note=None, user=user)
        for pk in sorted(set(estimate_ids))  # a fixed lock order: no deadlock between editors
    ]
    refresh_after_commit([e.pk for e in done])
    return done


@transaction.atomic
def bulk_reject_estimates(*, estimate_ids: list[int], reason: str, user: Any) -> list[Estimate]:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why the estimates are rejected."})
    done = [
        _set_status(pk, status=Estimate.Status.REJECTED, note=reason, user=user)
        for pk in sorted(set(estimate_ids))
    ]
    refresh_after_commit([e.pk for e in done])
    return done


@transaction.atomic
def merge_estimate(*, source_estimate: Estimate, into: Estimate, user: Any) -> Estimate:
    """Move `source_estimate`'s citations to `into`; the merged one is rejected and deleted.

    An article cites an estimate once, so a citation whose article already cites `into`
    is dropped (the history keeps it). Returns `into`.
    """
    if source_estimate.pk == into.pk:
        raise ValidationError({"into": "An estimate cannot be merged into itself."})
    # Lock both rows in id order, so two editors merging crosswise cannot deadlock.
    first, second = sorted([source_estimate.pk, into.pk])
    locked = {first: _locked(first), second: _locked(second)}
    merged, target = locked[source_estimate.pk], locked[into.pk]
    if target.deleted_at is not None:
        raise ValidationError({"into": f"Estimate {target.pk} has been deleted."})
    if (target.deployment_id, target.metric_id) != (merged.deployment_id, merged.metric_id):
        raise ValidationError(
            {"into": "Only estimates of the same deployment and metric can be merged."}
        )
    refresh_after_commit([merged.pk, target.pk])  # before: notes both groups as they are
    cited = set(target.citations.values_list("article_id", flat=True))
    for citation in merged.citations.all():
        if citation.article_id in cited:
            citation._history_user = user if getattr(user, "pk", None) else None
            citation.delete()
        else:
            citation.estimate = target
            citation._history_user = user if getattr(user, "pk", None) else None
            citation.save()
            cited.add(citation.article_id)
    merged.status = Estimate.Status.REJECTED
    merged.deleted_at = timezone.now()
    merged.review_note = f"Merged into estimate {target.pk}."
    _save_new_version(merged, user=user)
    _save_new_version(target, user=user)  # its citations changed: editors reading it must know
    return target


@transaction.atomic
def soft_delete_estimate(*, estimate_id: int, user: Any, reason: str = "") -> Estimate:
    """Hide an estimate from every reader; it stays in the database and can be restored.

    The issue asks for soft deletion of estimates with citations. Estimates without
    citations are soft-deleted too, on purpose: other estimates may point at them
    (`supersedes`), API clients syncing by `updated_at` must see the deletion, and the
    editor can undo it from the history page like any other change.
    """
    estimate = _locked(estimate_id)
    if estimate.deleted_at is not None:
        return estimate
    estimate.deleted_at = timezone.now()
    if reason.strip():
        estimate.review_note = reason.strip()
    _save_new_version(estimate, user=user)
    refresh_after_commit([estimate.pk])
    return estimate


@transaction.atomic
def restore_estimate_version(
    *, history_id: int, user: Any, expected_version: int | None = None
) -> Estimate:
    """Put back the estimate's fields as they were in one of its historical records.

    The restore is itself a new version (recorded with `user`), so it can be undone.
    With `expected_version`, it is refused (ConflictError) if someone saved since.
    """
    record = Estimate.history.filter(history_id=history_id).first()
    if record is None:
        raise ValidationError(f"There is no recorded version {history_id}.")
    estimate = _locked(record.id)
    if expected_version is not None and estimate.version != expected_version:
        raise ConflictError(
            current=estimate,
            expected_version=expected_version,
            changed=_changes_since(estimate, expected_version),
        )
    refresh_after_commit([estimate.pk])  # before the change: the old group is refreshed too
    for name in RESTORED_FIELDS:
        attname = Estimate._meta.get_field(name).attname
        setattr(estimate, attname, getattr(record, attname))
    estimate.review_note = (
        f"Restored version {record.version} of "
        f"{timezone.localtime(record.history_date):%Y-%m-%d %H:%M}."
    )
    _check_figures(estimate)
    _save_new_version(estimate, user=user)
    return estimate


@transaction.atomic
def create_source(
    *, name: str, kind: str = Source.Kind.OTHER, country: str = "", user: Any = None
) -> Source:
    """A new source, named by an editor while entering an estimate.

    Reliability stays F (cannot be judged) until an admin rates it.
    """
    from django.utils.text import slugify

    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "A source needs a name."})
    if Source.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": f"A source named “{name}” already exists."})
    base = slugify(name)[:190] or "source"
    slug, n = base, 1
    while Source.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    source = Source(name=name, slug=slug, kind=kind, country=country.strip())
    source.full_clean()
    source.save()
    return source


@transaction.atomic
def enter_estimate(
    *,
    fields: dict[str, Any],
    user: Any,
    new_sources: dict[str, dict] | None = None,
    article: Any = None,
    quote: str = "",
) -> Estimate:
    """An estimate typed in by an editor: new sources it names, the estimate, its citation.

    `new_sources` maps "source" / "via" to create_source arguments. All or nothing.
    """
    fields = dict(fields)
    for role, spec in (new_sources or {}).items():
        try:
            fields[role] = create_source(**spec, user=user)
        except ValidationError as error:
            raise ValidationError({role: error.messages}) from error
    estimate = create_estimate(**fields, user=user)  # both call refresh_after_commit
    if article is not None:
        cite(estimate=estimate, article=article, quote=quote, user=user)
    return estimate
