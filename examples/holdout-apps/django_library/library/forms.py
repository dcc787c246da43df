from django import forms

from .models import Book


class BookForm(forms.ModelForm):
    class Meta:
        model = Book
        # ok: VC215
        fields = ["title", "author", "notes", "is_public"]
