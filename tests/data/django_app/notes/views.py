"""Notes views: owners edit their notes, staff moderate, anyone reads public notes."""

from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DeleteView, DetailView, ListView, UpdateView

from .forms import NoteForm
from .models import Note


class PublicNoteList(ListView):
    queryset = Note.objects.filter(public=True)
    template_name = "notes/list.html"


class NoteDetail(DetailView):
    queryset = Note.objects.filter(public=True)


class NoteCreate(LoginRequiredMixin, CreateView):
    form_class = NoteForm
    success_url = reverse_lazy("notes:list")

    def form_valid(self, form):
        form.instance.owner = self.request.user
        return super().form_valid(form)


class OwnerRequiredMixin(UserPassesTestMixin):
    def test_func(self):
        return self.get_object().owner == self.request.user


class NoteUpdate(LoginRequiredMixin, OwnerRequiredMixin, UpdateView):
    model = Note
    form_class = NoteForm


class NoteDelete(LoginRequiredMixin, OwnerRequiredMixin, DeleteView):
    model = Note
    success_url = reverse_lazy("notes:list")


@login_required
@require_POST
def toggle_pin(request, pk):
    note = get_object_or_404(Note, pk=pk, owner=request.user)
    note.pinned = not note.pinned
    note.save(update_fields=["pinned"])
    return redirect("notes:detail", pk=pk)


def share(request, pk):
    note = get_object_or_404(Note, pk=pk)
    if note.owner != request.user:
        return HttpResponseForbidden()
    if request.method == "POST":
        note.shared_with.add(request.POST["user_id"])
    return render(request, "notes/share.html", {"note": note})


def signup(request):
    form = UserCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user)
        return redirect("notes:list")
    return render(request, "registration/signup.html", {"form": form})


@require_POST
def report_note(request, pk):
    note = get_object_or_404(Note, pk=pk, public=True)
    note.reports.create(reason=request.POST.get("reason", ""))
    return redirect("notes:detail", pk=pk)


def moderate(request, pk):
    note = get_object_or_404(Note, pk=pk)
    if request.method == "POST":
        note.hidden = True
        note.save(update_fields=["hidden"])
    return redirect("notes:detail", pk=pk)
