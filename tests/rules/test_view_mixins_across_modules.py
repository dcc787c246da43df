"""VC214 and a mixin another module of the project defines: a Django view or DRF viewset that inherits a
`get_queryset` (or `dispatch`, `get_object`, `test_func`) the caller decides, from `mixins.py`, through any chain of
bases and however the view's module imports it, is scoped; one whose mixins only read the caller is not. The project
phase follows the bases through the files' facts (no import of the checked code)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.rules.cli_findings import reported_lines, write_dedented
from vibecheck.api import check_paths
from vibecheck.config import Settings

MODELS = """
    from django.conf import settings
    from django.db import models


    class Note(models.Model):
        owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
        body = models.TextField()
"""
MIXINS = """
    from django.shortcuts import redirect


    class OwnedQuerysetMixin:
        def get_queryset(self):
            return super().get_queryset().filter(owner=self.request.user)


    class AuthorGateMixin:
        def dispatch(self, request, *args, **kwargs):
            if self.get_object().owner_id != request.user.id:
                return redirect("notes")
            return super().dispatch(request, *args, **kwargs)


    class VisitCountingMixin:
        def dispatch(self, request, *args, **kwargs):
            self.viewer = request.user
            return super().dispatch(request, *args, **kwargs)
"""
PAGES = """
    from app.mixins import AuthorGateMixin


    class EditorPageMixin(AuthorGateMixin):
        template_name = "note_form.html"
"""
VIEWS = """
    from django.contrib.auth.mixins import LoginRequiredMixin
    from django.views.generic import DeleteView, DetailView, UpdateView
    from rest_framework import viewsets
    from rest_framework.permissions import IsAuthenticated

    from . import mixins
    from .mixins import OwnedQuerysetMixin as Owned
    from .mixins import VisitCountingMixin
    from .models import Note
    from .pages import EditorPageMixin


    class NoteUpdateView(LoginRequiredMixin, Owned, UpdateView):
        model = Note
        fields = ["body"]


    class NoteDeleteView(LoginRequiredMixin, mixins.AuthorGateMixin, DeleteView):
        model = Note


    class NoteEditView(LoginRequiredMixin, EditorPageMixin, UpdateView):
        model = Note
        fields = ["body"]


    class NoteRenameView(LoginRequiredMixin, VisitCountingMixin, UpdateView):
        model = Note
        fields = ["body"]


    class NoteDetailView(LoginRequiredMixin, DetailView):
        model = Note


    class NoteViewSet(Owned, viewsets.ModelViewSet):
        queryset = Note.objects.all()
        permission_classes = [IsAuthenticated]

        def perform_create(self, serializer):
            serializer.save(owner=self.request.user)


    class CountedNoteViewSet(VisitCountingMixin, viewsets.ModelViewSet):
        queryset = Note.objects.all()
        permission_classes = [IsAuthenticated]

        def perform_create(self, serializer):
            serializer.save(owner=self.request.user)
"""
UNSCOPED = ["class CountedNoteViewSet(VisitCountingMixin, viewsets.ModelViewSet):",
            "class NoteDetailView(LoginRequiredMixin, DetailView):",
            "class NoteRenameView(LoginRequiredMixin, VisitCountingMixin, UpdateView):"]


def _app(root: Path) -> None:
    write_dedented(root, {"app/__init__.py": "", "app/models.py": MODELS, "app/mixins.py": MIXINS,
                          "app/pages.py": PAGES, "app/views.py": VIEWS})


def test_a_view_scoped_by_another_modules_mixin_is_not_reported(tmp_path: Path) -> None:
    _app(tmp_path)
    assert reported_lines(tmp_path, [tmp_path], "VC214") == UNSCOPED


def test_the_same_mixins_in_the_views_module_answer_alike(tmp_path: Path) -> None:
    own = textwrap.dedent(VIEWS)
    for imported in ("from . import mixins\n", "from .mixins import OwnedQuerysetMixin as Owned\n",
                     "from .mixins import VisitCountingMixin\n", "from .pages import EditorPageMixin\n"):
        own = own.replace(imported, "")
    own = own.replace("mixins.AuthorGateMixin", "AuthorGateMixin").replace("Owned,", "OwnedQuerysetMixin,")
    pages = textwrap.dedent(PAGES).replace("from app.mixins import AuthorGateMixin\n", "")
    views = textwrap.dedent(MIXINS) + pages + own
    write_dedented(tmp_path, {"app/__init__.py": "", "app/models.py": MODELS, "app/views.py": views})
    assert reported_lines(tmp_path, [tmp_path], "VC214") == UNSCOPED


def test_a_mixin_of_a_module_the_run_does_not_read_is_given_the_benefit_of_the_doubt(tmp_path: Path) -> None:
    _app(tmp_path)
    assert reported_lines(tmp_path, [tmp_path / "app" / "views.py"], "VC214") == [
        "class NoteDetailView(LoginRequiredMixin, DetailView):"]


def test_a_mixin_module_indexed_for_the_tests_only_is_given_the_benefit_of_the_doubt(tmp_path: Path) -> None:
    """With a test suite, a run over `views.py` alone (a hook, pre-commit) still reads the other modules'
    definitions for the untested-code rules: their classes are known, but whether they check the caller is not."""
    _app(tmp_path)
    write_dedented(tmp_path, {"tests/test_views.py": "from app import views\n\n\ndef test_views():\n    assert views\n"})
    settings = Settings(root=str(tmp_path), select=("VC214", "VC301", "VC302"), no_bandit=True, cache=False)
    report = check_paths([str(tmp_path / "app" / "views.py")], settings)
    assert sorted(f.line_text.strip() for f in report.findings if f.code == "VC214") == [
        "class NoteDetailView(LoginRequiredMixin, DetailView):"]
