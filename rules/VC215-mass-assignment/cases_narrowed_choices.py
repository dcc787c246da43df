"""VC215 corpus: a choice field whose rows the form narrows in `__init__` takes only a value among those rows."""
from django import forms
from django.contrib.auth.models import User

from .models import PageUser, Project


class PageUserAddForm(forms.ModelForm):
    user = forms.ModelChoiceField(queryset=User.objects.none())

    class Meta:
        # ok: VC215 -- __init__ narrows `user` to the signed-in user's subordinates; Django refuses any other row
        fields = ["user"]
        model = PageUser

    def __init__(self, *args, current_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(profile__manager=current_user)


class ProjectForm(forms.ModelForm):
    class Meta:
        # expect: VC215 -- `owner` is narrowed to every user: the client picks anyone
        fields = ["name", "owner"]
        model = Project

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.all()


class TransferForm(forms.ModelForm):
    class Meta:
        # expect: VC215 -- only `team` is narrowed; `owner` is still any user the client names
        fields = ["team", "owner"]
        model = Project

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = user.teams.all()
