from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .forms import DocumentForm
from .models import Document


@login_required
def document_list(request):
    docs = Document.objects.filter(owner=request.user)
    return render(request, "docs/list.html", {"docs": docs})


@login_required
def download(request, doc_id):
    # expect: VC214
    doc = get_object_or_404(Document, id=doc_id)
    return FileResponse(doc.file.open("rb"))


@login_required
@require_POST
def delete_document(request, pk):
    # expect: VC214
    Document.objects.filter(pk=pk).delete()
    return redirect("docs:list")


@login_required
def edit_document(request, pk):
    doc = get_object_or_404(Document, pk=pk)
    if doc.owner != request.user:
        return HttpResponseForbidden()
    form = DocumentForm(request.POST or None, instance=doc)
    if form.is_valid():
        form.save()
    return render(request, "docs/edit.html", {"form": form})


# expect: VC201
@require_POST
def share(request, pk):
    doc = get_object_or_404(Document, pk=pk)
    doc.shared = True
    doc.save()
    return JsonResponse({"shared": True})


def build_context(request, extra):
    return {"user": request.user, "path": request.path, **extra}
