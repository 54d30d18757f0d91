"""The review queue: proposed estimates, and what an editor does with each."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from tracker import services
from tracker.models import Citation, Estimate, Source
from tracker.web.editor_access import editor_required, next_url
from tracker.web.editor_forms import BulkForm, RejectForm

QUEUE_PAGE_SIZE = 20
#: How many of the tracker's confirmed figures to show beside each proposed one.
HELD_PER_ITEM = 5


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _held_estimates(items: list[Estimate]) -> dict[tuple, list[Estimate]]:
    """Confirmed estimates with each item's deployment, metric and source: one query."""
    if not items:
        return {}
    held = (
        Estimate.objects.confirmed()
        .filter(
            deployment_id__in={e.deployment_id for e in items},
            metric_id__in={e.metric_id for e in items},
            source_id__in={e.source_id for e in items},
        )
        .select_related("contingent", "via")
        .order_by("-as_of", "-id")
    )
    groups: dict[tuple, list[Estimate]] = defaultdict(list)
    for estimate in held:
        key = (estimate.deployment_id, estimate.metric_id, estimate.source_id)
        if len(groups[key]) < HELD_PER_ITEM:
            groups[key].append(estimate)
    return groups


@require_GET
@editor_required
def queue(request):
    proposed = (
        Estimate.objects.live()
        .filter(status=Estimate.Status.PROPOSED)
        .with_related()
        .prefetch_related(
            Prefetch("citations", queryset=Citation.objects.select_related("article"))
        )
        .order_by("-created_at", "-id")
    )
    page = Paginator(proposed, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    held = _held_estimates(items)
    for item in items:
        item.held = held.get((item.deployment_id, item.metric_id, item.source_id), [])
    return render(
        request,
        "tracker/editor/queue.html",
        {"page": page, "items": items, "waiting": page.paginator.count},
    )


@require_POST
@editor_required
def confirm(request, pk: int):
    try:
        estimate = services.confirm_estimate(estimate_id=pk, user=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, f"Confirmed estimate {estimate.pk}: {estimate}.")
    return redirect(next_url(request, reverse("editor-queue")))


@require_POST
@editor_required
def reject(request, pk: int):
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Estimate {pk} was not rejected: say why it is rejected.")
        return redirect(next_url(request, reverse("editor-queue")))
    try:
        estimate = services.reject_estimate(
            estimate_id=pk, reason=form.cleaned_data["reason"], user=request.user
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, f"Rejected estimate {estimate.pk}.")
    return redirect(next_url(request, reverse("editor-queue")))


@require_POST
@editor_required
def merge(request, pk: int):
    merged = get_object_or_404(Estimate.objects.live(), pk=pk)
    into_id = (request.POST.get("into_id") or request.POST.get("into") or "").strip().lstrip("#")
    into = Estimate.objects.live().filter(pk=int(into_id)).first() if into_id.isdigit() else None
    if into is None:
        messages.error(
            request,
            f"Estimate {pk} was not merged: choose an existing estimate to merge it into.",
        )
        return redirect(next_url(request, reverse("editor-queue")))
    try:
        services.merge_estimate(source_estimate=merged, into=into, user=request.user)
    except ValidationError as error:
        messages.error(request, f"Estimate {pk} was not merged: {_error_text(error)}")
    else:
        messages.success(
            request, f"Merged estimate {pk} into estimate {into.pk}; its citations moved over."
        )
    return redirect(next_url(request, reverse("editor-queue")))


@require_POST
@editor_required
def bulk(request):
    form = BulkForm(request.POST)
    if not form.is_valid():
        problems = [m for errors in form.errors.values() for m in errors]
        messages.error(request, "Nothing was changed: " + " ".join(problems))
        return redirect(next_url(request, reverse("editor-queue")))
    ids = form.cleaned_data["selected"]
    try:
        if form.cleaned_data["action"] == "confirm":
            done = services.bulk_confirm_estimates(estimate_ids=ids, user=request.user)
            verb = "Confirmed"
        else:
            done = services.bulk_reject_estimates(
                estimate_ids=ids, reason=form.cleaned_data["reason"], user=request.user
            )
            verb = "Rejected"
    except ValidationError as error:
        messages.error(request, f"Nothing was changed: {_error_text(error)}")
    else:
        messages.success(request, f"{verb} {len(done)} estimate{'s' if len(done) != 1 else ''}.")
    return redirect(next_url(request, reverse("editor-queue")))


@require_GET
@editor_required
def source_search(request):
    """Sources whose name or alias contains `q`, for search-as-you-type (at most 10)."""
    q = " ".join(request.GET.get("q", "").split())[:100]
    results = []
    if q:
        sources = (
            Source.objects.filter(Q(name__icontains=q) | Q(aliases__alias__icontains=q))
            .distinct()
            .order_by("name")[:10]
        )
        results = [
            {"id": s.pk, "name": s.name, "kind": s.get_kind_display(), "country": s.country}
            for s in sources
        ]
    return JsonResponse({"results": results})
