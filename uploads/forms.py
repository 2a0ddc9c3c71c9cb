"""The form for a table file (CSV or XLSX) that is previewed before it is applied."""

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from uploads import ContentTypeValidator

MAX_TABLE_SIZE = 5 * 1024 * 1024
TABLE_EXTENSIONS = (".csv", ".xlsx")


class TableFileForm(forms.Form):
    file = forms.FileField(label=_("Tệp"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        if suffix not in TABLE_EXTENSIONS:
            raise forms.ValidationError(_("Chỉ nhận tệp .csv hoặc .xlsx."))
        if upload.size > MAX_TABLE_SIZE:
            raise forms.ValidationError(_("Tệp lớn hơn 5 MB."))
        ContentTypeValidator([suffix.lstrip(".")])(upload)  # the bytes must be what the name says
        return upload
