from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.views.decorators.http import require_POST

from . import tokens
from .mail import send_link, send_link_smtp
from .models import Invite, MagicLink, PasswordReset

User = get_user_model()


# ok: VC201 -- a visitor asks for a reset link: open by design, nothing is granted until the link is used
def request_reset(request):
    if request.method == "POST":
        user = User.objects.filter(email__iexact=request.POST.get("email", "")).first()
        if user is not None:
            reset = PasswordReset.objects.create(user=user, token=tokens.reset_token())
            host = request.headers.get("X-Forwarded-Host") or request.get_host()
            # expect: VC419
            send_link(user.email, "Reset your password", f"https://{host}/reset/{user.pk}/{reset.token}/")
        return render(request, "accounts/reset_sent.html")
    return render(request, "accounts/reset_form.html")


def reset_password(request, uid, token):
    reset = PasswordReset.objects.filter(token=token).first()
    if reset is None:
        raise Http404
    if request.method == "POST":
        # expect: VC214
        user = User.objects.get(pk=uid)
        user.set_password(request.POST["password"])
        user.save()
        return redirect("/login/")
    return render(request, "accounts/reset_password.html", {"token": token})


def reset_password_builtin(request, uidb64, token):
    # ok: VC214
    user = User.objects.filter(pk=force_str(urlsafe_base64_decode(uidb64))).first()
    if user is None or not default_token_generator.check_token(user, token):
        return HttpResponseBadRequest("This link is invalid or has expired.")
    if request.method == "POST":
        user.set_password(request.POST["password"])
        user.save()
        return redirect("/login/")
    return render(request, "accounts/reset_password.html", {"token": token})


@require_POST
def request_magic_link(request):
    user = User.objects.filter(email__iexact=request.POST.get("email", "")).first()
    if user is not None:
        link = MagicLink.objects.create(user=user, token=tokens.magic_token())
        # ok: VC234 -- the settings' ALLOWED_HOSTS pins the host the link is built on
        send_link_smtp(user.email, "Your sign-in link", request.build_absolute_uri(f"/magic/login/?token={link.token}"))
        signed = tokens.sign_login(user.pk)
        # ok: VC234
        send_link(user.email, "Your sign-in link", request.build_absolute_uri(f"/magic/signed/?t={signed}"))
    return HttpResponse("If that address has an account, a link is on its way.")


def magic_login(request):
    link = MagicLink.objects.filter(token=request.GET.get("token", "")).select_related("user").first()
    if link is None:
        raise Http404
    login(request, link.user)
    # expect: VC409
    return redirect(request.GET.get("next", "/"))


def magic_login_signed(request):
    try:
        data = tokens.read_login(request.GET.get("t", ""))
    except signing.BadSignature:
        return HttpResponseBadRequest("bad link")
    user = get_object_or_404(User, pk=data["uid"])
    login(request, user)
    return redirect("/")


def magic_login_signed_timed(request):
    try:
        data = tokens.read_login_timed(request.GET.get("t", ""))
    except signing.BadSignature:
        return HttpResponseBadRequest("bad or expired link")
    user = get_object_or_404(User, pk=data["uid"])
    login(request, user)
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=True):
        next_url = "/"
    # ok: VC409
    return redirect(next_url)


def confirm_email(request, uid, token):
    user = get_object_or_404(User, pk=uid)
    # expect: VC204
    if user.profile.confirm_token == token:
        user.profile.email_confirmed = True
        user.profile.save()
        return redirect("/")
    return HttpResponseBadRequest("invalid link")


def confirm_email_safe(request, uid, token):
    user = get_object_or_404(User, pk=uid)
    # ok: VC204
    if user.profile.confirm_token and constant_time_compare(user.profile.confirm_token, token):
        user.profile.confirm_token = ""
        user.profile.email_confirmed = True
        user.profile.save()
        return redirect("/")
    return HttpResponseBadRequest("invalid link")


@login_required
@require_POST
def send_invite(request):
    email = request.POST["email"]
    invite = Invite.objects.create(email=email, token=tokens.invite_token(email), invited_by=request.user,
                                   role="member")
    # ok: VC409
    # ok: VC234
    send_link(email, request.POST.get("subject") or "You're invited", request.build_absolute_uri(f"/invites/{invite.token}/"))
    return HttpResponse(status=201)


def accept_invite(request, token):
    invite = get_object_or_404(Invite, token=token, accepted=False)
    if request.method != "POST":
        return render(request, "accounts/accept_invite.html", {"invite": invite})
    user = User.objects.create_user(username=request.POST["username"], email=invite.email,
                                    password=request.POST["password"])
    # expect: VC217
    user.is_staff = request.POST.get("role") == "admin"
    user.save()
    invite.accepted = True
    invite.save()
    login(request, user)
    return redirect("/")


def accept_team_invite(request, token):
    invite = get_object_or_404(Invite, token=token, accepted=False)
    if request.method != "POST":
        return render(request, "accounts/accept_invite.html", {"invite": invite})
    user = User.objects.create_user(username=request.POST["username"], email=invite.email,
                                    password=request.POST["password"])
    # ok: VC217
    user.is_staff = invite.role == "admin"
    user.save()
    invite.accepted = True
    invite.save()
    login(request, user)
    return redirect("/")
