"""VC201 corpus (Django and DRF): unguarded writing views fire; mixins, decorators, permissions do not."""
import json

import stripe
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required, permission_required, user_passes_test
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core import signing
from django.core.cache import cache
from django.core.signing import TimestampSigner
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp.decorators import otp_required
from django.views.generic import CreateView, DeleteView, DetailView, FormView, UpdateView
from rest_framework import generics, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.permissions import AllowAny, IsAdminUser, IsAuthenticated
from rest_framework.views import APIView

from .forms import ArticleForm, RestrictionPasswordForm
from .models import Article, Author, Authenticator, PageRestriction, Subscription
from .settings import WEBHOOK_SECRET
from .sns import validate_message, verify_bounce_message
from .serializers import ArticleSerializer


# expect: VC201
@require_POST
def delete_article(request, pk):
    get_object_or_404(Article, pk=pk).delete()
    return redirect("articles")


# expect: VC201
@require_http_methods(["GET", "POST"])
def edit_article(request, pk):
    article = get_object_or_404(Article, pk=pk)
    return render(request, "edit.html", {"article": article})


# expect: VC201
def comment(request, pk):
    if request.method == "POST":
        Article.objects.get(pk=pk).comments.create(text=request.POST["text"])
    return redirect("article", pk=pk)


# expect: VC201
class ArticleCreate(CreateView):
    model = Article
    fields = ["title", "body"]


class ArticleDelete(DeleteView):
    model = Article

    # expect: VC201
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)


class ArchiveView(View):
    # expect: VC201
    def post(self, request, pk):
        Article.objects.filter(pk=pk).update(archived=True)
        return redirect("articles")


class OpenArticleViewSet(viewsets.ModelViewSet):
    queryset = Article.objects.all()
    serializer_class = ArticleSerializer
    permission_classes = [AllowAny]

    # expect: VC201
    def destroy(self, request, *args, **kwargs):
        return super().destroy(request, *args, **kwargs)


class PublishAPI(APIView):
    permission_classes = []

    # expect: VC201
    def post(self, request, pk):
        Article.objects.filter(pk=pk).update(published=True)


# expect: VC201
@api_view(["POST"])
@permission_classes([AllowAny])
def like(request, pk):
    Article.objects.filter(pk=pk).update(likes=F("likes") + 1)


# expect: VC201 -- an empty list replaces DRF's default permission classes with none
@api_view(["POST"])
@permission_classes([])
def unlike(request, pk):
    Article.objects.filter(pk=pk).update(likes=F("likes") - 1)


# ok: VC201 -- a visitor signs in to a password-protected page: open by design
def authenticate_with_password(request, restriction_id):
    restriction = get_object_or_404(PageRestriction, pk=restriction_id)
    form = RestrictionPasswordForm(request.POST or None, instance=restriction)
    if request.method == "POST" and form.is_valid():
        restriction.mark_as_passed(request)
    return redirect("page")


# expect: VC201
def delete_authenticator(request, pk):
    if request.method == "POST":
        Authenticator.objects.filter(pk=pk).delete()
    return redirect("security")


# ok: VC201
@login_required
@require_POST
def star(request, pk):
    request.user.stars.add(pk)
    return redirect("article", pk=pk)


# ok: VC201
@permission_required("articles.delete_article")
def purge(request):
    if request.method == "POST":
        Article.objects.all().delete()
    return redirect("articles")


# ok: VC201
@user_passes_test(lambda u: u.is_superuser)
@require_http_methods(["POST"])
def reindex(request):
    return start_reindex()


# ok: VC201
@staff_member_required
def moderate(request, pk):
    if request.method in ("POST", "PUT"):
        Article.objects.filter(pk=pk).update(hidden=True)
    return redirect("articles")


# ok: VC201
def flag(request, pk):
    if not request.user.is_authenticated:
        raise PermissionDenied
    if request.method == "POST":
        Article.objects.filter(pk=pk).update(flagged=True)
    return redirect("article", pk=pk)


# ok: VC201
class ArticleUpdate(LoginRequiredMixin, UpdateView):
    model = Article
    fields = ["title", "body"]


# ok: VC201
class ArticleModerate(PermissionRequiredMixin, UpdateView):
    permission_required = "articles.change_article"
    model = Article


@method_decorator(login_required, name="dispatch")
class BookmarkView(View):
    # ok: VC201
    def post(self, request, pk):
        request.user.bookmarks.add(pk)
        return redirect("article", pk=pk)


class ArticleViewSet(viewsets.ModelViewSet):
    queryset = Article.objects.all()
    serializer_class = ArticleSerializer
    permission_classes = [IsAuthenticated]

    # ok: VC201
    def create(self, request, *args, **kwargs):
        return super().create(request, *args, **kwargs)

    # expect: VC201 -- the action's own `permission_classes` open it to anyone, and it saves
    @action(detail=True, methods=["post"], permission_classes=[AllowAny])
    def archive(self, request, pk=None):
        article = self.get_object()
        article.archived = True
        article.save(update_fields=["archived"])
        return HttpResponse(status=204)

    # ok: VC201 -- its own permission classes guard it
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated, IsAdminUser])
    def feature(self, request, pk=None):
        self.get_object().feature()
        return HttpResponse(status=204)

    # ok: VC201 -- no permission classes of its own: the class's guard it
    @action(detail=True, methods=["post"])
    def pin(self, request, pk=None):
        self.get_object().pin()
        return HttpResponse(status=204)


class StatsAPI(APIView):
    # ok: VC201 -- no permission_classes: the DEFAULT_PERMISSION_CLASSES setting decides
    def post(self, request):
        return recompute_stats()


# ok: VC201
@api_view(["DELETE"])
@permission_classes([IsAdminUser])
def wipe(request):
    Article.objects.all().delete()


# ok: VC201
class ArticleDetail(DetailView):
    model = Article


# ok: VC201
@require_POST
def signup(request):
    return create_account(request.POST)


# ok: VC201
@require_GET
def article_list(request):
    return render(request, "list.html", {"articles": Article.objects.all()})


# expect: VC201
def upload_avatar(request):
    form = AvatarForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        form.save()
    return render(request, "avatar.html", {"form": form})


# ok: VC201
def article_feed(request):
    return render(request, "feed.xml", {"articles": Article.objects.all()})


# ok: VC201
class PasswordChange(UpdateView):
    model = Article

    @method_decorator(login_required)
    def dispatch(self, *args, **kwargs):
        return super().dispatch(*args, **kwargs)


# expect: VC201
class ArticleArchive(UpdateView):
    model = Article

    @method_decorator(require_POST)
    def dispatch(self, *args, **kwargs):
        return super().dispatch(*args, **kwargs)


# ok: VC201
@require_POST
def delete_bookmark(request, pk):
    if not request.session.get("user_id"):
        return redirect("signin")
    return redirect("bookmarks")


# expect: VC201 -- a webhook that acts on an unsigned payload
@csrf_exempt
@require_POST
def stripe_webhook(request):
    event = json.loads(request.body)
    Subscription.objects.filter(stripe_id=event["data"]["object"]["id"]).update(active=False)
    return HttpResponse(status=200)


# ok: VC201
@csrf_exempt
@require_POST
def stripe_webhook_verified(request):
    try:
        event = stripe.Webhook.construct_event(request.body, request.META["HTTP_STRIPE_SIGNATURE"], WEBHOOK_SECRET)
    except stripe.error.SignatureVerificationError:
        return HttpResponse(status=400)
    Subscription.objects.filter(stripe_id=event["data"]["object"]["id"]).update(active=False)
    return HttpResponse(status=200)


# ok: VC201 -- an SNS notification whose signature `verify_bounce_message` checks before anything is done
@csrf_exempt
@require_POST
def bounce_notification(request):
    notification = json.loads(request.body)
    if not verify_bounce_message(notification):
        return HttpResponse(status=400)
    Subscription.objects.filter(email=notification["mail"]["destination"]).update(active=False)
    return HttpResponse(status=200)


# expect: VC201 -- `validate_message` reads as a check of the message's shape, not of who sent it
@csrf_exempt
@require_POST
def bounce_notification_unsigned(request):
    notification = json.loads(request.body)
    if not validate_message(notification):
        return HttpResponse(status=400)
    Subscription.objects.filter(email=notification["mail"]["destination"]).update(active=False)
    return HttpResponse(status=200)


# ok: VC201 -- a payment notification checked against the shared secret the merchant configured
@csrf_exempt
@require_POST
def payment_notification(request):
    notice = Subscription.from_notification(request.POST)
    notice.verify_secret(request.GET["secret"])
    notice.save()
    return HttpResponse("OKAY")


# ok: VC201 -- a step of signing in (djoser's social login), opened on purpose with `AllowAny`
class ProviderAuthView(generics.CreateAPIView):
    permission_classes = [AllowAny]
    serializer_class = ArticleSerializer


class ResendActivationView(APIView):
    permission_classes = (AllowAny,)

    # ok: VC201 -- resending the activation e-mail is for those who cannot sign in yet
    def post(self, request):
        resend_activation(request.data["email"])
        return HttpResponse(status=204)


# ok: VC201 -- the same on a function view
@api_view(["POST"])
@permission_classes([AllowAny])
def otp_verify(request):
    return HttpResponse(status=204 if check_otp(request.data) else 400)


class ChangePasswordView(APIView):
    permission_classes = [AllowAny]

    # expect: VC201 -- changing a password acts on an account: opening it lets anyone change it
    def post(self, request):
        request.user.set_password(request.data["password"])
        request.user.save()


class PasswordHintView(APIView):
    permission_classes = []

    # expect: VC201 -- an empty list is no statement of intent (often a leftover)
    def post(self, request):
        Article.objects.filter(pk=request.data["pk"]).update(hint=request.data["hint"])


class ProfileView(generics.UpdateAPIView):
    permission_classes = [AllowAny]
    serializer_class = ArticleSerializer
    queryset = Article.objects.all()

    # expect: VC201 -- opened on purpose, but it changes a stored object: the intent is the bug
    def put(self, request, *args, **kwargs):
        return super().put(request, *args, **kwargs)


class PublicCouponView(APIView):
    permission_classes = [AllowAny]

    # ok: VC201 -- opened on purpose with `AllowAny`, and it only answers: nothing is stored or sent
    def post(self, request):
        code = request.data.get("code")
        return HttpResponse(status=200 if coupon_is_valid(code) else 404)


class RedeemCouponView(APIView):
    permission_classes = [AllowAny]

    # expect: VC201 -- opened on purpose, but redeeming a coupon changes what is stored
    def post(self, request):
        redeem_coupon(request.data.get("code"))
        return HttpResponse(status=204)


@api_view(["POST"])
@permission_classes([AllowAny])
# ok: VC201 -- a function view opened on purpose that only computes an answer
def quote(request):
    return HttpResponse(price_for(request.data.get("items", [])))


# expect: VC201 -- the same opening on a view that sends mail
@api_view(["POST"])
@permission_classes([AllowAny])
def share(request):
    send_mail("Look", request.data["text"], None, [request.data["to"]])
    return HttpResponse(status=204)


class StaffApiMixin:
    """Every view built on it checks the caller in `dispatch` and refuses."""

    def dispatch(self, request, *args, **kwargs):
        if not self._may_use_api(request):
            return HttpResponse(status=403)
        return super().dispatch(request, *args, **kwargs)

    def _may_use_api(self, request):
        return request.user.is_staff


class EntryPurgeView(StaffApiMixin, View):
    # ok: VC201 -- the mixin's `dispatch` turns away a caller it does not allow
    def delete(self, request, pk):
        Article.objects.filter(pk=pk).delete()
        return HttpResponse(status=204)


class TimingMixin:
    """A `dispatch` that only measures: it turns nobody away."""

    def dispatch(self, request, *args, **kwargs):
        request.started = now()
        return super().dispatch(request, *args, **kwargs)


class EntryRenameView(TimingMixin, View):
    # expect: VC201 -- the mixin's `dispatch` checks nobody
    def post(self, request, pk):
        Article.objects.filter(pk=pk).update(title=request.POST["title"])
        return HttpResponse(status=204)


# ok: VC201 -- `dispatch` finds the author by the reset token the link carries: only its holder gets further
class NewPasswordView(FormView):
    form_class = RestrictionPasswordForm

    def dispatch(self, request, *args, **kwargs):
        try:
            self.author = Author.objects.get(reset_token=kwargs.get("token"), reset_used=False)
        except Author.DoesNotExist:
            return redirect("forgot-password")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        self.author.set_password(form.cleaned_data["password"])
        self.author.save()
        return redirect("login")


# ok: VC201 -- `dispatch` runs a method of its class that finds the author by the link's reset code
class ResetCodeView(FormView):
    form_class = RestrictionPasswordForm

    def get_author(self):
        return Author.objects.get(reset_code=self.kwargs["code"])

    def dispatch(self, request, *args, **kwargs):
        try:
            self.author = self.get_author()
        except Author.DoesNotExist:
            return redirect("forgot-password")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        self.author.set_password(form.cleaned_data["password"])
        self.author.save()
        return redirect("login")


# expect: VC201 -- `dispatch` finds the author by the id in the URL: anyone may set anyone's password
class ForcedPasswordView(FormView):
    form_class = RestrictionPasswordForm

    def dispatch(self, request, *args, **kwargs):
        self.author = get_object_or_404(Author, pk=self.kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        self.author.set_password(form.cleaned_data["password"])
        self.author.save()
        return redirect("login")


def check_entry_permissions(view):
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm("articles.change_article"):
            raise PermissionDenied
        return view(request, *args, **kwargs)
    return wrapper


class EntryPermissionMixin:
    @classmethod
    def as_view(cls, **initkwargs):
        view = super().as_view(**initkwargs)
        return check_entry_permissions(view)


class EntryEditMixin(EntryPermissionMixin):
    model = Article


class EntryEditView(EntryEditMixin, UpdateView):
    fields = ["title"]

    # ok: VC201 -- a base's `as_view` wraps every view in the permission check
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)


class ExemptMixin:
    @classmethod
    def as_view(cls, **initkwargs):
        return csrf_exempt(super().as_view(**initkwargs))


class EntryTagView(ExemptMixin, View):
    # expect: VC201 -- `as_view` only lifts the CSRF check
    def post(self, request, pk):
        Article.objects.filter(pk=pk).update(tags=request.POST["tags"])
        return HttpResponse(status=204)


# ok: VC201 -- the invitation is found by the token its link carries: only the holder of the link reaches it
@require_POST
def accept_invite(request, token):
    invite = get_object_or_404(Subscription, token=token, accepted=False)
    invite.accepted = True
    invite.save()
    return redirect("/")


# ok: VC201 -- the same through a filter, the record found by the presented reset code
@require_POST
def redeem_reset(request, reset_code):
    reset = Subscription.objects.filter(code=reset_code).first()
    if reset is None:
        return HttpResponse(status=404)
    reset.delete()
    return redirect("/login/")


class AcceptInvite(View):
    # ok: VC201 -- the view an invitation link opens, found by the key the link carries: its holder is the invitee
    def post(self, request, *args, **kwargs):
        invite = Subscription.objects.filter(key=self.kwargs["key"]).first()
        if invite is None:
            return HttpResponse(status=410)
        invite.accepted = True
        invite.save()
        return redirect("/signup/")


class AcceptedInviteList(View):
    # expect: VC201 -- names no redemption step: it changes the invitations a caller names
    def post(self, request, *args, **kwargs):
        Subscription.objects.filter(pk__in=request.POST.getlist("ids")).update(accepted=True)
        return redirect("/")


# expect: VC201 -- the record is found by its id: anyone may name any id
@require_POST
def accept_invite_by_id(request, invite_id):
    invite = get_object_or_404(Subscription, pk=invite_id)
    invite.accepted = True
    invite.save()
    return redirect("/")


# expect: VC201 -- a code parameter handed to a field that is no credential
@require_POST
def archive_entry(request, code):
    get_object_or_404(Subscription, slug=code).delete()
    return redirect("/")


# ok: VC201 -- a visitor asks for a sign-in link: nothing is granted yet
@require_POST
def request_magic_link(request):
    Subscription.objects.create(email=request.POST["email"])
    return HttpResponse("If that address has an account, a link is on its way.")


def page_forbidden(request, article):
    """The project's refusal page."""
    return render(request, "forbidden.html", {"article": article})


def with_article(func=None, can_write=False):
    """Loads the article of the URL and turns away a caller who may not write it."""
    def wrapper(request, *args, pk=None, **kwargs):
        article = get_object_or_404(Article, pk=pk)
        if can_write and not article.can_write(request.user):
            return page_forbidden(request, article)
        return func(request, article, *args, **kwargs)

    if func:
        return wrapper
    return lambda func: with_article(func, can_write=can_write)


def loading_article(func):
    """Loads the article of the URL; checks nobody."""
    def wrapper(request, *args, pk=None, **kwargs):
        return func(request, get_object_or_404(Article, pk=pk), *args, **kwargs)

    return wrapper


class AttachmentAddView(View):
    @method_decorator(with_article(can_write=True))
    def dispatch(self, request, article, *args, **kwargs):
        self.article = article
        return super().dispatch(request, *args, **kwargs)

    # ok: VC201 -- `dispatch` runs the project's decorator, which asks the article whether the caller may write it
    def post(self, request, *args, **kwargs):
        self.article.attachments.create(name=request.POST["name"])
        return redirect("article", pk=self.article.pk)


class AttachmentDropView(View):
    @method_decorator(loading_article)
    def dispatch(self, request, article, *args, **kwargs):
        self.article = article
        return super().dispatch(request, *args, **kwargs)

    # expect: VC201 -- `dispatch`'s decorator only loads the article
    def post(self, request, *args, **kwargs):
        self.article.attachments.all().delete()
        return redirect("article", pk=self.article.pk)


# ok: VC201 -- django-otp's guard: signed in and verified with a second factor
@method_decorator([never_cache, otp_required], name="dispatch")
class PhoneDeleteView(DeleteView):
    model = Article


# expect: VC201 -- never_cache guards nothing
@method_decorator([never_cache], name="dispatch")
class PhoneResetView(DeleteView):
    model = Article


# Views that answer every method: one that writes a record changes state on a GET, from a link or an <img> elsewhere.

# expect: VC201 -- no method check: a GET deletes the record
def delete_article_link(request, pk):
    article = get_object_or_404(Article, pk=pk)
    article.delete()
    return redirect("articles")


# expect: VC201 -- a queryset's update
def hide_article(request, pk):
    Article.objects.filter(pk=pk).update(hidden=True)
    return redirect("articles")


# expect: VC201 -- a record made from the query string
def copy_article(request):
    Article.objects.create(title=request.GET["title"])
    return redirect("articles")


# expect: VC201 -- a queryset bound to a name, then updated
def archive_stale(request, days):
    stale = Article.objects.filter(age__gt=days)
    stale.update(archived=True)
    return redirect("articles")


# expect: VC201 -- found or made from what the link names
def follow_tag(request, name):
    Subscription.objects.get_or_create(tag=name, email=request.GET["email"])
    return redirect("articles")


# expect: VC201 -- a field set from the query string, then saved
def retitle_article(request, pk):
    article = Article.objects.get(pk=pk)
    article.title = request.GET["title"]
    article.save(update_fields=["title"])
    return redirect("article", pk=pk)


# expect: VC201 -- limited to GET, and a GET deletes
@require_GET
def clear_drafts(request):
    Article.objects.filter(draft=True).all().delete()
    return redirect("articles")


class ArticleRemoveView(View):
    # expect: VC201 -- a class-based view's `get` that deletes
    def get(self, request, pk):
        Article.objects.filter(pk=pk).delete()
        return redirect("articles")


# ok: VC201 -- a public page bumps its view counter
def article_page(request, pk):
    article = get_object_or_404(Article, pk=pk)
    article.views += 1
    article.save(update_fields=["views"])
    Article.objects.filter(pk=pk).update(reads=F("reads") + 1)
    return render(request, "article.html", {"article": article})


class ArticleDetailCounted(DetailView):
    model = Article

    # ok: VC201 -- a detail page's `get` bumps its object's counter
    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.object.hits += 1
        self.object.save()
        return self.render_to_response(self.get_context_data(object=self.object))


class ArticleRename(DetailView):
    model = Article

    # expect: VC201 -- a `get` that renames its object from the query string
    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.object.title = request.GET["title"]
        self.object.save()
        return self.render_to_response(self.get_context_data(object=self.object))


# ok: VC201 -- the same counter through an F expression and a bare save
def article_print(request, pk):
    article = get_object_or_404(Article, pk=pk)
    article.prints = F("prints") + 1
    article.save()
    return render(request, "print.html", {"article": article})


# ok: VC201 -- an anonymous visitor's cart, found by the session
def cart(request):
    basket, _ = Subscription.objects.get_or_create(session_key=request.session.session_key)
    basket.save()
    request.session.save()
    return render(request, "cart.html", {"basket": basket})


# ok: VC201 -- a cache, a dict and a file write no record
def refresh_stats(request):
    cache.delete("stats")
    totals = {}
    totals.update(count=Article.objects.count())
    counts = dict(Article.objects.values_list("kind", "hits"))
    counts.update(total=sum(counts.values()))
    chart.save("chart.png")
    return render(request, "stats.html", totals)


# ok: VC201 -- the e-mail confirmation link: found by the key it carries
def confirm_email(request, key):
    confirmation = get_object_or_404(Subscription, key=key)
    confirmation.confirmed = True
    confirmation.save()
    return redirect("/")


# ok: VC201 -- an unsubscribe link is open by design
def unsubscribe(request, token):
    Subscription.objects.filter(token=token).delete()
    return render(request, "unsubscribed.html")


# ok: VC201 -- the thread's "mute" link from an e-mail: its key is what the server signed, read back or refused
def mute_thread(request, key):
    try:
        data = signing.loads(str(key), salt="mute")
    except signing.BadSignature:
        return HttpResponse(status=400)
    Subscription.objects.filter(email=data["email"]).update(followup=False)
    return render(request, "muted.html")


# ok: VC201 -- the same with a timestamped signer
def stop_digest(request, token):
    email = TimestampSigner().unsign(token, max_age=86400)
    Subscription.objects.filter(email=email).delete()
    return render(request, "stopped.html")


# expect: VC201 -- a signature of something else read: the id the link names is no credential
def drop_follower(request, pk):
    signing.loads(request.COOKIES["prefs"])
    Subscription.objects.filter(pk=pk).delete()
    return redirect("/")


# ok: VC201 -- signed in first
@login_required
def drop_draft(request, pk):
    Article.objects.filter(pk=pk, author=request.user).delete()
    return redirect("articles")


# ok: VC201 -- an unsaved form instance
def preview(request):
    draft = ArticleForm(request.GET).save(commit=False)
    return render(request, "preview.html", {"draft": draft})


# expect: VC201 -- `@api_view()` answers GET alone, opened to anyone, and that GET deletes
@api_view()
@permission_classes([AllowAny])
def purge_drafts(request):
    Article.objects.filter(draft=True).delete()
    return HttpResponse(status=204)


# ok: VC201 -- the same GET behind its permission classes
@api_view(["GET"])
@permission_classes([IsAdminUser])
def purge_drafts_admin(request):
    Article.objects.filter(draft=True).delete()
    return HttpResponse(status=204)


# Related managers: a link or a tag added, removed or made through a record the view loaded, or the signed-in user.

# expect: VC201 -- a comment made through the article's related manager, on a GET
def quick_comment(request, pk):
    article = get_object_or_404(Article, pk=pk)
    article.comments.create(body=request.GET["body"])
    return redirect("article", pk=pk)


# expect: VC201 -- the signed-in user's groups changed by a link
def join_group(request, name):
    request.user.groups.add(get_object_or_404(Group, name=name))
    return redirect("groups")


class ArticleUntagView(View):
    # expect: VC201 -- a class view's `get` clears the object's tags
    def get(self, request, pk):
        self.object = Article.objects.get(pk=pk)
        self.object.tags.clear()
        return redirect("articles")


# ok: VC201 -- a set and a dict of the view's own, not a record's related manager
def tag_cloud(request):
    seen = set()
    seen.add(request.GET.get("tag"))
    options = {"tags": []}
    options["tags"].append("x")
    return render(request, "tags.html", {"seen": seen, "options": options})


# ok: VC201 -- the related manager written behind @require_POST and signed in
@require_POST
@login_required
def follow_author(request, pk):
    get_object_or_404(Author, pk=pk).followers.add(request.user)
    return redirect("author", pk=pk)


# Methods of the project's models that write their own record: a view that calls one on a GET writes.

class Notice(models.Model):
    unread = models.BooleanField(default=True)
    views = models.IntegerField(default=0)

    def mark_as_read(self):
        if self.unread:
            self.unread = False
            self.save()

    def archive(self):
        self.comments.clear()

    def bump(self):
        self.views += 1
        self.save(update_fields=["views"])

    def summary(self):
        return f"{self.views} views"


# expect: VC201 -- `mark_as_read` saves the notice: a link marks it read for anyone
def notice_read(request, pk):
    notice = get_object_or_404(Notice, pk=pk)
    notice.mark_as_read()
    return redirect("notices")


# expect: VC201 -- a method that clears a related manager
def notice_archive(request, pk):
    Notice.objects.get(pk=pk).archive()
    notice = Notice.objects.filter(pk=pk).first()
    notice.archive()
    return redirect("notices")


# ok: VC201 -- a method that only bumps a counter, and one that only reads
def notice_page(request, pk):
    notice = get_object_or_404(Notice, pk=pk)
    notice.bump()
    return render(request, "notice.html", {"summary": notice.summary()})


# ok: VC201 -- a method no class of the project defines never counts, nor a view's `get` that writes, nor a field's own
def notice_refresh(request, pk):
    notice = get_object_or_404(Notice, pk=pk)
    notice.refresh_from_db()
    notice.full_clean()
    notice.get()
    return render(request, "notice.html", {"notice": notice, "url": notice.data.get("url")})


# ok: VC201 -- behind a method check and signed in
@require_POST
@login_required
def notice_read_post(request, pk):
    get_object_or_404(Notice, pk=pk, recipient=request.user).mark_as_read()
    return redirect("notices")
