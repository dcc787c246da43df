from django import forms

from catalog.models import Review


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        # expect: VC215
        fields = "__all__"
