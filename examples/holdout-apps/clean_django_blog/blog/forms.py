from django import forms

from .models import Post


class PostForm(forms.ModelForm):
    class Meta:
        model = Post
        # ok: VC215 -- an explicit list: no author, slug or status from the client
        fields = ["title", "body"]
