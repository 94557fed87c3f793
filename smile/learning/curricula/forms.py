from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from smile.core.spreadsheets import upload_field
from smile.learning.content_forms import TranslatedFormMixin
from smile.learning.models import Curriculum, Objective, Unit, WorkplaceTask
from smile.lib.images import MAX_UPLOAD_BYTES
from smile.organisations.models import Organisation
from smile.programmes.models import Programme


class CurriculumForm(TranslatedFormMixin, forms.ModelForm):
    translated = ("name", "description")
    languages_to_check = True

    organisation = forms.ModelChoiceField(
        label=_("Owned by"), queryset=Organisation.objects.none(), required=True
    )
    programmes = forms.ModelMultipleChoiceField(
        label=_("Used in these programmes"),
        queryset=Programme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Curriculum
        fields = ["name", "trade", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        programmes: QuerySet[Programme],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["programmes"].queryset = programmes  # type: ignore[attr-defined]
        self.fields["trade"].help_text = _("For example: foundry work, timber-house building.")
        if self.instance.pk:
            self.initial.setdefault("organisation", self.instance.organisation_id)
            self.initial.setdefault(
                "programmes", [p.pk for p in self.instance.programmes.filter(pk__in=programmes)]
            )
        elif organisations.count() == 1:
            self.initial.setdefault("organisation", organisations.first())
        self.add_languages(self.instance)


class UnitForm(TranslatedFormMixin, forms.ModelForm):
    translated = ("name",)

    class Meta:
        model = Unit
        fields = ["code", "name", "order"]
        help_texts = {
            "code": _("A short code, like U1 or SAF."),
            "order": _("Units are shown from the lowest number to the highest."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_languages(self.instance)


class ObjectiveForm(TranslatedFormMixin, forms.ModelForm):
    translated = ("text",)

    class Meta:
        model = Objective
        fields = ["unit", "code", "text", "order"]
        labels = {"text": _("Objective in plain language")}
        help_texts = {
            "code": _("A short code, unique in the curriculum, like U1.1."),
            "text": _("Write it as the adept would say it: “I can measure a part with a caliper.”"),
            "order": _("Objectives are shown from the lowest number to the highest."),
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, curriculum: Curriculum, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = curriculum.units.order_by("order", "code")  # type: ignore[attr-defined]
        self.add_languages(self.instance)


class ObjectiveChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Objective) -> str:
        return f"{obj.code} {obj.text} ({obj.curriculum.name})"


class WorkplaceTaskForm(TranslatedFormMixin, forms.ModelForm):
    translated = ("title", "location", "tools", "safety_notes")
    languages_to_check = True

    new_photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("A JPEG or PNG photo of the task, under 10 MB. Show no people's faces."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)
    objectives = ObjectiveChoices(
        label=_("Objectives practised in this task"),
        queryset=Objective.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = WorkplaceTask
        fields = ["title", "location", "tools", "safety_notes"]
        labels = {
            "title": _("What is the task?"),
            "location": _("Where is it done?"),
            "tools": _("Tools and machines"),
            "safety_notes": _("Safety"),
        }
        help_texts = {
            "safety_notes": _("Protective gear and dangers to know, like “Safety glasses”."),
        }
        widgets = {"safety_notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, objectives: QuerySet[Objective], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objectives"].queryset = objectives  # type: ignore[attr-defined]
        if self.instance.pk:
            self.initial.setdefault("objectives", [o.pk for o in self.instance.objectives.all()])
        if not (self.instance.pk and self.instance.photo):
            del self.fields["remove_photo"]
        self.add_languages(self.instance)

    def clean_new_photo(self) -> Any:
        photo = self.cleaned_data.get("new_photo")
        if photo and photo.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("This file is not a picture we can use. Use a JPEG or PNG photo under 10 MB.")
            )
        return photo


class CurriculumImportForm(forms.Form):
    file = upload_field(
        label=_("File with units and objectives (CSV or Excel)"),
        help_text=_(
            "The first row names the columns: unit_code, unit_name, objective_code and "
            "objective (or in Swedish: enhetskod, enhet, målkod, mål). Each row is one "
            "objective. A code already in the curriculum updates it; objectives not in the "
            "file stay as they are. At most 5,000 rows and 5 MB."
        ),
    )
