import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from . import services
from .models import Event, EventFull, Registration

logger = logging.getLogger(__name__)


@login_required
@require_POST
def signup(request, event_id: int):
    event = get_object_or_404(Event, pk=event_id)
    # expect: VC505
    print(request.POST)
    try:
        registration = services.register(event, request.user)
    except EventFull:
        return JsonResponse({"detail": "already registered"}, status=409)
    services.send_confirmation(registration)
    return redirect("event-detail", event_id=event.pk)


@login_required
@require_POST
def cancel(request, event_id: int):
    try:
        registration = Registration.objects.get(event_id=event_id, user=request.user)
        registration.delete()
        services.promote_waitlist(registration.event)
        return JsonResponse({"cancelled": True})
    except Exception as e:
        # expect: VC103, VC414
        return JsonResponse({"cancelled": False, "error": str(e)})


@login_required
def event_detail(request, event_id: int):
    # ok: VC214 -- a public event listing, open to every member
    event = get_object_or_404(Event, pk=event_id)
    return JsonResponse({"title": event.title, "spots_left": event.spots_left()})


@login_required
def attendees(request, event_id: int):
    event = get_object_or_404(Event, pk=event_id, organiser=request.user)
    try:
        names = [r.user.get_full_name() for r in event.registrations.select_related("user")]
    # ok: VC103, VC101
    except Registration.DoesNotExist:
        logger.warning("registrations vanished for event %s", event.pk, exc_info=True)
        raise
    return JsonResponse({"attendees": names})


@login_required
def ical(request, event_id: int):
    # ok: VC214
    event = get_object_or_404(Event, pk=event_id)
    return HttpResponse(services.export_ical(event), content_type="text/calendar")
