"""Forms of the ingestion pages: pasted text, an uploaded file, a link."""

from __future__ import annotations

from django import forms
from django.conf import settings


class _Details(forms.Form):
    url = forms.URLField(
        required=False, max_length=2000, assume_scheme="https", label="Link (optional)"
    )
    outlet = forms.CharField(required=False, max_length=200)
    title = forms.CharField(required=False, max_length=500)
    published = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), label="Published on"
    )


class TextForm(_Details):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), label="Article text")


class FileForm(_Details):
    file = forms.FileField(label="A .txt or .html file")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.FETCH_MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size:,} bytes; "
                f"at most {settings.FETCH_MAX_BYTES:,} are taken."
            )
        return upload


class URLForm(forms.Form):
    url = forms.URLField(max_length=2000, assume_scheme="https", label="Link to the article")
