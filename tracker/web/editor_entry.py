"""Entering, editing, deleting an estimate, and its history with restore."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from tracker import services
from tracker.models import (
    Citation,
    Contingent,
    Deployment,
    Estimate,
    Metric,
    Source,
    format_date,
)
from tracker.web.editor_access import editor_required, next_url
from tracker.web.editor_forms import EditEstimateForm, NewEstimateForm, article_model

#: Foreign keys shown by name in diffs and conflict messages.
_RELATED = {
    "deployment": Deployment,
    "contingent": Contingent,
    "metric": Metric,
    "source": Source,
    "via": Source,
    "supersedes": Estimate,
}


def _label(name: str) -> str:
    return str(Estimate._meta.get_field(name).verbose_name).capitalize()


class ValueNames:
    """Shows stored values as an editor reads them: names for ids, labels for choices."""

    def __init__(self, pairs: list[tuple[str, object]]):
        wanted: dict[type, set] = {}
        for name, value in pairs:
            if name in _RELATED and value is not None:
                wanted.setdefault(_RELATED[name], set()).add(value)
        self.names = {
            model: {obj.pk: str(obj) for obj in model.objects.filter(pk__in=ids)}
            for model, ids in wanted.items()
        }

    def show(self, name: str, value) -> str:
        if value is None or value == "":
            return "—"
        if name in _RELATED:
            return self.names.get(_RELATED[name], {}).get(value, f"#{value} (gone)")
        field = Estimate._meta.get_field(name)
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, int):
            return f"{value:,}"
        return str(value)


def _form_errors_from(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            for message in messages_:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _recent_articles():
    return (
        article_model()
        .objects.order_by("-created_at", "-id")
        .only("id", "url", "title", "outlet")[:50]
    )


@require_http_methods(["GET", "POST"])
@editor_required
def new_estimate(request):
    deployments = list(Deployment.objects.all()[:2])
    initial = {"deployment": deployments[0].pk} if len(deployments) == 1 else {}
    form = NewEstimateForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            estimate, queued = _enter(form, request.user)
        except ValidationError as error:
            _form_errors_from(form, error)
        else:
            messages.success(request, f"Saved estimate {estimate.pk}: {estimate}.")
            if queued is not None:
                messages.info(
                    request,
                    f"The link was queued for ingestion as article {queued.pk}; "
                    "its citation will be proposed once it is processed.",
                )
            return redirect("editor-history", pk=estimate.pk)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "tracker/editor/estimate_form.html",
        {"form": form, "articles": _recent_articles(), "creating": True},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@editor_required
def edit_estimate(request, pk: int):
    estimate = get_object_or_404(
        Estimate.objects.live().select_related("source", "via", "updated_by"), pk=pk
    )
    conflict = None
    status = 200
    if request.method == "POST":
        form = EditEstimateForm(request.POST)
        if form.is_valid():
            changes = form.estimate_fields()
            if "and_confirm" in request.POST:
                changes["status"] = Estimate.Status.CONFIRMED
            try:
                saved = _save_edit(form, pk, changes, request.user)
            except services.ConflictError as error:
                conflict = _describe_conflict(error)
                # Keep what was typed; the form now carries the version just read, so
                # saving again (after reading their change) is a deliberate overwrite.
                data = request.POST.copy()
                data["version"] = str(error.current.version)
                form = EditEstimateForm(data)
                form.is_valid()
                status = 409
            except ValidationError as error:
                _form_errors_from(form, error)
                status = 400
            else:
                messages.success(request, f"Saved estimate {saved.pk}: {saved}.")
                return redirect(next_url(request, reverse("editor-history", args=[saved.pk])))
        else:
            status = 400
    else:
        form = EditEstimateForm(initial=EditEstimateForm.initial_for(estimate))
    return render(
        request,
        "tracker/editor/estimate_form.html",
        {
            "form": form,
            "estimate": estimate,
            "conflict": conflict,
            "next": next_url(request, ""),
            "creating": False,
        },
        status=status,
    )


def _enter(form, user) -> tuple[Estimate, object | None]:
    """The estimate, and the link queued for ingestion if one was given: one transaction."""
    # The editor pages are the one place in `tracker` that calls ingestion (the domain and
    # its services never do): an editor may cite a link the tracker has not read yet.
    from articles.services import IngestError, submit_url

    fields = form.estimate_fields()
    url, quote = form.cleaned_data.get("queue_url"), form.cleaned_data.get("quote", "")
    if url and quote:
        # Kept until the article is processed and cited: what the editor typed is not lost.
        fields["notes"] = "\n".join(
            filter(None, [fields["notes"], f"Quoted from {url}: “{quote}”"])
        )
    with transaction.atomic():
        estimate = services.enter_estimate(
            fields=fields,
            new_sources=form.new_sources,
            article=form.cleaned_data["article"],
            quote=quote,
            user=user,
        )
        queued = None
        if url:
            try:
                queued = submit_url(url=url, user=user)
            except IngestError as error:
                raise ValidationError({"article": str(error)}) from error
    return estimate, queued


def _save_edit(form, pk: int, changes: dict, user) -> Estimate:
    """New sources named in the form, then the update: one transaction."""
    with transaction.atomic():
        for role, spec in form.new_sources.items():
            try:
                changes[role] = services.create_source(**spec, user=user)
            except ValidationError as error:
                raise ValidationError({role: error.messages}) from error
        return services.update_estimate(
            estimate_id=pk,
            expected_version=form.cleaned_data["version"],
            changes=changes,
            user=user,
        )


def _describe_conflict(error: services.ConflictError) -> dict:
    current = error.current
    names = ValueNames([(n, v) for n, a, b in error.changed for v in (a, b)])
    return {
        "who": current.updated_by.get_username() if current.updated_by else "someone",
        "when": current.updated_at,
        "version": current.version,
        "changes": [
            {"field": _label(n), "read": names.show(n, a), "now": names.show(n, b)}
            for n, a, b in error.changed
        ],
    }


@require_POST
@editor_required
def delete_estimate(request, pk: int):
    try:
        services.soft_delete_estimate(
            estimate_id=pk, user=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"Deleted estimate {pk}. Its history keeps it; restore it from here."
        )
    return redirect("editor-history", pk=pk)


_DIFF_FIELDS = services.RESTORED_FIELDS


def _figure_of(record) -> str:
    """A historical record's figure and date, as on the estimate (no query: `.instance`
    would fetch the fields history does not keep)."""
    fields = ("low", "best", "high", "qualifier", "as_of", "as_of_precision", "period_end")
    return str(Estimate(**{name: getattr(record, name) for name in fields}))


def _diff(older, newer) -> list[tuple[str, object, object]]:
    """(field, before, after) for each field that differs between two historical records.

    Written out rather than simple_history's diff_against, which skips non-editable
    fields such as `deleted_at`.
    """
    changed = []
    for name in _DIFF_FIELDS:
        attname = Estimate._meta.get_field(name).attname
        before, after = getattr(older, attname), getattr(newer, attname)
        if before != after:
            changed.append((name, before, after))
    return changed


@require_http_methods(["GET"])
@editor_required
def history(request, pk: int):
    estimate = get_object_or_404(Estimate.objects.with_related(), pk=pk)
    records = list(estimate.history.select_related("history_user").order_by("-history_date"))
    names = ValueNames(
        [(n, getattr(r, Estimate._meta.get_field(n).attname)) for r in records for n in _RELATED]
    )
    rows = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        if older is None:
            changes = [{"field": "Created", "read": "", "now": _figure_of(newer)}]
        else:
            changes = [
                {"field": _label(name), "read": names.show(name, a), "now": names.show(name, b)}
                for name, a, b in _diff(older, newer)
            ]
        rows.append({"record": newer, "changes": changes, "is_current": newer is records[0]})
    citations = list(
        Citation.history.filter(id__in=Citation.history.filter(estimate_id=pk).values("id"))
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    article_names = {
        a.pk: a for a in article_model().objects.filter(pk__in={c.article_id for c in citations})
    }
    citation_rows, previous = [], {}
    for record in citations:
        before = previous.get(record.id)
        if record.history_type == "+":
            what = "added" if record.estimate_id == pk else f"added to #{record.estimate_id}"
        elif record.history_type == "-":
            what = "removed" if record.estimate_id == pk else f"removed from #{record.estimate_id}"
        elif before is not None and before.estimate_id != record.estimate_id:
            what = f"moved from #{before.estimate_id} to #{record.estimate_id}"
        else:
            what = "changed"
        previous[record.id] = record
        citation_rows.append(
            {"record": record, "what": what, "article": article_names.get(record.article_id)}
        )
    citation_rows.reverse()
    return render(
        request,
        "tracker/editor/history.html",
        {
            "estimate": estimate,
            "rows": rows,
            "citation_rows": citation_rows,
            "as_of": format_date(estimate.as_of, estimate.as_of_precision),
        },
    )


@require_POST
@editor_required
def restore(request, pk: int, history_id: int):
    record = get_object_or_404(Estimate.history.all(), history_id=history_id, id=pk)
    version = request.POST.get("version", "")
    try:
        services.restore_estimate_version(
            history_id=record.history_id,
            user=request.user,
            expected_version=int(version) if version.isdigit() else None,
        )
    except services.ConflictError as error:
        messages.error(
            request,
            f"Not restored: {error.current.updated_by or 'someone'} changed the estimate "
            "while you were reading its history. Look again and choose.",
        )
    except ValidationError as error:
        messages.error(request, "Not restored: " + " ".join(error.messages))
    else:
        messages.success(request, f"Restored version {record.version} of estimate {pk}.")
    return redirect("editor-history", pk=pk)
