from django import forms
from django.contrib.auth import get_user_model

from .models import Project


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = ["name", "description"]


class AccountForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        # expect: VC215
        fields = ["first_name", "last_name", "email", "is_staff"]


class ContactForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name", "email"]
