"""VC207 corpus: Django views restricted to the owners of the resource they manage, where the role in the URL picks the
roster an owner edits, beside views that only require a signed-in user."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from .auth import list_owner_required, require_owner
from .models import MailingList


@login_required
@list_owner_required
def remove_role(request, list_id, role, address):
    mailing_list = MailingList.objects.get(list_id=list_id)
    roster = getattr(mailing_list, f"{role}s")
    # ok: VC207 -- only the list's owners reach the view; the role names the roster they edit
    if role == "owner" and len(roster) == 1:
        messages.error(request, "Removing the last owner is impossible")
        return redirect("list_members", list_id, role)
    mailing_list.remove_role(role, address)
    return redirect("list_members", list_id, role)


@require_owner
def add_moderator(request, list_id, role):
    # ok: VC207 -- an owner chooses which role to grant
    if role in ("moderator", "owner"):
        MailingList.objects.get(list_id=list_id).add_role(role, request.POST["email"])
    return redirect("list_members", list_id, role)


@login_required
def join_as(request, list_id, role):
    # expect: VC207 -- any signed-in user names the role they get
    if role == "owner":
        MailingList.objects.get(list_id=list_id).add_role("owner", request.user.email)
    return redirect("list_members", list_id, role)


@login_required
def owner_tools(request, list_id):
    # expect: VC207 -- the owner flag is the client's, and the view's name does not guard it
    if request.GET.get("is_owner") == "1":
        return redirect("list_settings", list_id)
    return redirect("list_members", list_id, "member")


def owner_required(view):
    def wrapper(request, *args, **kwargs):
        # expect: VC207 -- the guard itself takes the client's word that it owns the list
        if request.headers.get("X-List-Role") != "owner":
            return redirect("list_index")
        return view(request, *args, **kwargs)
    return wrapper
