"""Prompt: a Django view that deletes one of the user's uploaded files by name."""
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.views.decorators.http import require_POST


def user_folder(user) -> str:
    return os.path.join(settings.MEDIA_ROOT, "uploads", str(user.pk))


@login_required
@require_POST
def delete_upload(request):
    name = request.POST.get("name", "")
    target = os.path.join(user_folder(request.user), name)
    # expect: VC405
    os.remove(target)
    return JsonResponse({"deleted": name})


@login_required
@require_POST
def delete_upload_safe(request):
    folder = user_folder(request.user)
    target = os.path.join(folder, os.path.basename(request.POST.get("name", "")))
    if not os.path.isfile(target):
        raise Http404
    # ok: VC405
    os.remove(target)
    return JsonResponse({"deleted": os.path.basename(target)})
