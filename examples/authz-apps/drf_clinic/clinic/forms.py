from django import forms

from .models import Doctor, Referral


class DoctorProfileForm(forms.ModelForm):
    class Meta:
        model = Doctor
        fields = ["display_name", "specialty", "bio"]


class ReferralForm(forms.ModelForm):
    class Meta:
        model = Referral
        fields = ["patient_name", "referred_by", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 4})}


class ReferralAdminForm(forms.ModelForm):
    class Meta:
        model = Referral
        # expect: VC215
        fields = "__all__"
