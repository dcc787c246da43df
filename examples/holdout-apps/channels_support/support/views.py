import json

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from support.models import Ticket


@login_required
def ticket_page(request, ticket_id: int):
    # ok: VC214
    ticket = get_object_or_404(Ticket, pk=ticket_id, owner=request.user)
    return render(request, "support/ticket.html", {"ticket": ticket})


# expect: VC201, VC208
@csrf_exempt
@require_POST
def broadcast(request):
    """Ops pushes a banner ("maintenance at 18:00") to every connected agent."""
    payload = json.loads(request.body)
    async_to_sync(get_channel_layer().group_send)(
        "agents", {"type": "queue.update", "ticket": {"banner": payload.get("text", "")}}
    )
    return JsonResponse({"sent": True})


@login_required
def transcript(request, ticket_id: int):
    # expect: VC214
    ticket = get_object_or_404(Ticket, pk=ticket_id)
    lines = [f"<p><b>{escape(m.author.get_username())}</b>: {m.body}</p>" for m in ticket.messages.all()]
    # expect: VC411/VC427
    return HttpResponse(f"<h1>Ticket #{ticket.pk}: {escape(ticket.subject)}</h1>" + "".join(lines))
