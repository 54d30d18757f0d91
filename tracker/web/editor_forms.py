"""Forms for the editor pages. They parse and explain; the services write.

The estimate form is a plain Form, not a ModelForm: a ModelForm would report the database
constraints in its own words ("Constraint … is violated"), where an editor needs to read
"the low figure is above the high figure".
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from tracker.models import (
    Citation,
    Contingent,
    Credibility,
    DatePrecision,
    Deployment,
    Estimate,
    EstimateStatus,
    Metric,
    Qualifier,
    Source,
    SourceKind,
)
from tracker.services import validate_estimate_fields


def article_model():
    """The Article model, reached through Citation: the domain does not import ingestion."""
    return Citation._meta.get_field("article").related_model


def find_source(name: str) -> Source | None:
    """The source called `name` (its name or one of its aliases, any case), if known."""
    name = " ".join(name.split())
    if not name:
        return None
    return (
        Source.objects.filter(Q(name__iexact=name) | Q(aliases__alias__iexact=name))
        .distinct()
        .first()
    )


class ContingentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Contingent) -> str:
        return f"{obj.deployment.name}: {obj.name}"


class EstimateForm(forms.Form):
    deployment = forms.ModelChoiceField(Deployment.objects.all(), empty_label=None)
    metric = forms.ModelChoiceField(Metric.objects.all(), empty_label="— choose —")
    contingent = ContingentChoiceField(
        Contingent.objects.select_related("deployment"),
        required=False,
        empty_label="— the whole deployment —",
    )
    low = forms.IntegerField(required=False, min_value=0)
    best = forms.IntegerField(required=False, min_value=0)
    high = forms.IntegerField(required=False, min_value=0)
    qualifier = forms.ChoiceField(choices=Qualifier.choices, initial=Qualifier.EXACT)
    as_of = forms.DateField(
        label="As of", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    as_of_precision = forms.ChoiceField(
        label="Known to the", choices=DatePrecision.choices, initial=DatePrecision.DAY
    )
    period_end = forms.DateField(
        label="Period ends",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Only for a figure over a period.",
    )
    source = forms.CharField(
        label="Source (originator)",
        max_length=200,
        widget=forms.TextInput(
            attrs={"list": "source-options", "autocomplete": "off", "data-source-search": ""}
        ),
    )
    via = forms.CharField(
        label="Via (who relayed it)",
        max_length=200,
        required=False,
        widget=forms.TextInput(
            attrs={"list": "source-options", "autocomplete": "off", "data-source-search": ""}
        ),
    )
    add_sources = forms.BooleanField(label="Add names not known yet as new sources", required=False)
    new_source_kind = forms.ChoiceField(
        label="Kind of a new source", choices=SourceKind.choices, initial=SourceKind.OTHER
    )
    new_source_country = forms.CharField(label="Country of a new source", required=False)
    credibility = forms.TypedChoiceField(
        choices=Credibility.choices, coerce=int, initial=Credibility.UNKNOWN
    )
    status = forms.ChoiceField(choices=EstimateStatus.choices, initial=EstimateStatus.CONFIRMED)
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, today: dt.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.new_sources: dict[str, dict] = {}

    def _clean_source_name(self, field: str) -> None:
        name = " ".join((self.cleaned_data.get(field) or "").split())
        if not name:
            self.cleaned_data[field] = None
            return
        source = find_source(name)
        if source is not None:
            self.cleaned_data[field] = source
        elif self.cleaned_data.get("add_sources"):
            self.cleaned_data[field] = None
            self.new_sources[field] = {
                "name": name,
                "kind": self.cleaned_data.get("new_source_kind") or SourceKind.OTHER,
                "country": self.cleaned_data.get("new_source_country", ""),
            }
        else:
            self.add_error(
                field,
                f"No source is called “{name}”. Pick one from the list, or tick "
                "“Add names not known yet as new sources”.",
            )

    def clean(self):
        data = super().clean()
        self._clean_source_name("source")
        self._clean_source_name("via")
        precision = data.get("as_of_precision")
        as_of = data.get("as_of")
        # A month- or year-precision date is stored as the first day of its month or year.
        if as_of and precision == DatePrecision.MONTH:
            data["as_of"] = as_of = as_of.replace(day=1)
        elif as_of and precision == DatePrecision.YEAR:
            data["as_of"] = as_of = as_of.replace(month=1, day=1)
        figures = [data.get(name) for name in ("low", "best", "high")]
        if as_of and not any(self.has_error(n) for n in ("low", "best", "high")):
            try:
                validate_estimate_fields(
                    low=figures[0],
                    best=figures[1],
                    high=figures[2],
                    as_of=as_of,
                    period_end=data.get("period_end"),
                    contingent=data.get("contingent"),
                    deployment=data.get("deployment"),
                    today=self.today,
                )
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.add_error(field if field in self.fields else None, message)
        return data

    def estimate_fields(self) -> dict:
        """The cleaned values, named as the Estimate's fields."""
        names = (
            "deployment",
            "metric",
            "contingent",
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
            "notes",
        )
        return {name: self.cleaned_data.get(name) for name in names}


class NewEstimateForm(EstimateForm):
    article = forms.CharField(
        label="Cited in (article address or number)",
        required=False,
        max_length=2000,
        widget=forms.TextInput(attrs={"list": "article-options", "autocomplete": "off"}),
        help_text="An article already in the tracker, or a link: a new link is queued for "
        "ingestion and its citation is proposed once it is processed.",
    )
    quote = forms.CharField(
        label="The words it used",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        Article = article_model()
        ref = (data.get("article") or "").strip()
        quote = (data.get("quote") or "").strip()
        data["article"] = None
        data["queue_url"] = None
        if ref:
            number = ref.lstrip("#")
            query = Q(pk=int(number)) if number.isdigit() else Q(url=ref) | Q(normalized_url=ref)
            article = Article.objects.filter(query).first()
            if article is None and ref.lower().startswith(("http://", "https://")):
                # Not in the tracker yet: the link is queued for ingestion with the estimate.
                data["queue_url"] = ref
            elif article is None:
                self.add_error(
                    "article",
                    f"No article number {number} is in the tracker. Give its number or a link.",
                )
            elif not quote:
                self.add_error("quote", "Copy the words the article used for this figure.")
            data["article"] = article
        elif quote:
            self.add_error("article", "Say which article the quote comes from.")
        return data


class EditEstimateForm(EstimateForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    @classmethod
    def initial_for(cls, estimate: Estimate) -> dict:
        return {
            "deployment": estimate.deployment_id,
            "metric": estimate.metric_id,
            "contingent": estimate.contingent_id,
            "low": estimate.low,
            "best": estimate.best,
            "high": estimate.high,
            "qualifier": estimate.qualifier,
            "as_of": estimate.as_of,
            "as_of_precision": estimate.as_of_precision,
            "period_end": estimate.period_end,
            "source": estimate.source.name,
            "via": estimate.via.name if estimate.via else "",
            "credibility": estimate.credibility,
            "status": estimate.status,
            "notes": estimate.notes,
            "version": estimate.version,
        }


class RejectForm(forms.Form):
    reason = forms.CharField(max_length=2000)


class BulkForm(forms.Form):
    selected = forms.TypedMultipleChoiceField(coerce=int, choices=[])
    action = forms.ChoiceField(choices=[("confirm", "Confirm"), ("reject", "Reject")])
    reason = forms.CharField(required=False, max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any number is a valid choice here; the service refuses ids that do not exist.
        self.fields["selected"].valid_value = lambda value: str(value).isdigit()  # type: ignore[attr-defined]
        self.fields["selected"].error_messages["required"] = "Select at least one estimate."

    def clean(self):
        data = super().clean()
        if data.get("action") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Say why the selected estimates are rejected.")
        return data
