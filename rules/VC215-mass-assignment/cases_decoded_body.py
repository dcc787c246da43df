"""VC215 corpus: the request body decoded by hand (`json.loads(request.body)`, `json.loads(request.get_data())`,
`json.loads(await request.body())`) is the client's dict as much as `request.json` is."""
import json

from django.http import JsonResponse

from .models import Profile, Ticket

EDITABLE = ("bio", "website")


def update_profile(request):
    profile = Profile.objects.get(user=request.user)
    for key, value in json.loads(request.body).items():
        # expect: VC215 -- Django's raw body, decoded
        setattr(profile, key, value)
    profile.save()
    return JsonResponse({"ok": True})


def open_ticket(request):
    data = json.loads(request.body)
    # expect: VC215 -- every key of the decoded body
    ticket = Ticket.objects.create(**data)
    return JsonResponse({"id": ticket.id})


def patch_profile(request):
    profile = Profile.objects.get(user=request.user)
    for key, value in json.loads(request.get_data(as_text=True)).items():
        # expect: VC215 -- Werkzeug's raw body
        setattr(profile, key, value)
    profile.save()


async def patch_async(request, profile):
    for key, value in json.loads(await request.body()).items():
        # expect: VC215 -- Starlette's raw body
        setattr(profile, key, value)


def update_profile_safely(request):
    profile = Profile.objects.get(user=request.user)
    data = json.loads(request.body)
    for key in EDITABLE:
        if key in data:
            # ok: VC215 -- an allow-list of fields
            setattr(profile, key, data[key])
    profile.save()


def import_settings(path, profile):
    with open(path) as handle:
        for key, value in json.loads(handle.read()).items():
            # ok: VC215 -- a file the operator names, no request
            setattr(profile, key, value)
