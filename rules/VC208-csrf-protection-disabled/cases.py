"""VC208 corpus: CSRF switched off fires; test configs, webhooks and protected views do not."""
import hashlib
import hmac

from django.urls import path
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators import csrf
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from flask import Blueprint, Flask
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect
from rest_framework.authentication import SessionAuthentication

from . import views

app = Flask(__name__)
protector = CSRFProtect(app)


# expect: VC208
@csrf_exempt
def update_email(request):
    return save_email(request)


# expect: VC208
@csrf.csrf_exempt
def change_password(request):
    return save_password(request)


# expect: VC208
@method_decorator(csrf_exempt, name="dispatch")
class TransferView(View):
    def post(self, request):
        return transfer(request)


# expect: VC208
@protector.exempt
@app.post("/api/profile")
def update_profile():
    return save_profile()


# expect: VC208
app.config["WTF_CSRF_ENABLED"] = False
# expect: VC208
app.config.update(WTF_CSRF_CHECK_DEFAULT=False)


class ProductionConfig:
    SECRET_KEY = load_secret()
    # expect: VC208
    WTF_CSRF_ENABLED = False


class CommentForm(FlaskForm):
    class Meta:
        # expect: VC208
        csrf = False


class CsrfExemptSessionAuthentication(SessionAuthentication):
    # expect: VC208
    def enforce_csrf(self, request):
        return


# expect: VC208
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

urlpatterns = [
    # expect: VC208
    path("api/delete/", csrf_exempt(views.delete_account)),
    # ok: VC208
    path("hooks/stripe/", csrf_exempt(views.stripe_webhook)),
]


# ok: VC208
@csrf_exempt
def paypal_ipn(request):
    return handle_ipn(request)


# ok: VC208
@csrf_protect
def contact(request):
    return send(request)


class TestingConfig:
    TESTING = True
    # ok: VC208
    WTF_CSRF_ENABLED = False


def create_test_app():
    test_app = Flask(__name__)
    # ok: VC208
    test_app.config["WTF_CSRF_ENABLED"] = False
    return test_app


# ok: VC208
app.config.update({"TESTING": True, "WTF_CSRF_ENABLED": False})
# ok: VC208
app.config["WTF_CSRF_ENABLED"] = True
# ok: VC208
app.config["WTF_CSRF_TIME_LIMIT"] = None


class StrictSessionAuthentication(SessionAuthentication):
    # ok: VC208
    def enforce_csrf(self, request):
        super().enforce_csrf(request)
        audit(request)


class SearchForm(FlaskForm):
    class Meta:
        # ok: VC208
        csrf = True


# ok: VC208
@protector.exempt
def github_webhook():
    return handle_push()


# ok: VC208 -- an OAuth 2.0 token endpoint: clients authenticate with their secret, not a cookie
@method_decorator(csrf_exempt, name="dispatch")
class TokenView(View):
    pass


# ok: VC208 -- token revocation (RFC 7009)
@method_decorator(csrf_exempt, name="dispatch")
class RevokeView(View):
    pass


# ok: VC208 -- the identity provider POSTs the SAML assertion cross-site
@method_decorator(csrf_exempt, name="dispatch")
class ACSView(View):
    pass


# ok: VC208 -- the same service spelled out (djangosaml2's AssertionConsumerServiceView)
@method_decorator(csrf_exempt, name="dispatch")
class AssertionConsumerServiceView(View):
    pass


# ok: VC208 -- SAML's single logout service, which the identity provider also calls cross-site
@method_decorator(csrf_exempt, name="dispatch")
class SingleLogoutServiceView(View):
    pass


# expect: VC208 -- a consumer of the shop is no assertion consumer
@method_decorator(csrf_exempt, name="dispatch")
class ConsumerProfileView(View):
    pass


# ok: VC208 -- dynamic client registration (RFC 7591)
@method_decorator(csrf_exempt, name="dispatch")
class ClientRegistrationView(View):
    pass


# expect: VC208 -- a user sign-up form is no client registration
@method_decorator(csrf_exempt, name="dispatch")
class RegistrationView(View):
    pass


class APIView(View):
    @classmethod
    def as_view(cls, **initkwargs):
        view = super().as_view(**initkwargs)
        # ok: VC208 -- the framework exempts every view it builds; its session authentication checks CSRF itself
        return csrf_exempt(view)


def headless_view(function):
    def wrapper(request, *args, **kwargs):
        return function(request, *args, **kwargs)

    # ok: VC208 -- a decorator's plumbing on its own parameter
    return csrf_exempt(function)


def build_urls(delete_account):
    # expect: VC208 -- a view named here, in a URLconf helper, is one view exempted
    return [path("delete/", csrf_exempt(views.delete_account))]


callback_urls = [
    # ok: VC208 -- the provider's callback, through `as_view`
    path("openid/callback/", csrf_exempt(views.OpenIDCallbackView.as_view())),
]


class ViewSetMixin:
    @classmethod
    def as_view(cls, actions=None):
        def view(request, *args, **kwargs):
            return cls().dispatch(request, *args, **kwargs)

        # ok: VC208 -- the view function the framework builds here, for every viewset
        return csrf_exempt(view)


# ok: VC208 -- OpenID Connect userinfo: called with a bearer token
@method_decorator(csrf_exempt, name="dispatch")
class UserInfoView(View):
    pass


# ok: VC208 -- the mail provider signs the body; the view checks that signature, not a cookie session
@csrf_exempt
def inbound_email(request):
    expected = hmac.new(settings.INBOUND_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(request.headers.get("X-Mail-Signature", ""), expected):
        return HttpResponseBadRequest("bad signature")
    return JsonResponse({"ok": True})


# expect: VC208 -- computing a signature without comparing it checks nothing
@csrf_exempt
def inbound_sms(request):
    signature = hmac.new(settings.INBOUND_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    return JsonResponse({"received": True, "signature": signature})


def _valid_signature(body, header):
    expected = "sha256=" + hmac.new(settings.NEWSLETTER_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header)


def _signature_of(body):
    return hmac.new(settings.NEWSLETTER_SECRET.encode(), body, hashlib.sha256).hexdigest()


# ok: VC208 -- the module's helper compares the signature over the body
@csrf_exempt
def newsletter_event(request):
    if not _valid_signature(request.body, request.headers.get("X-Signature", "")):
        return HttpResponseForbidden()
    return JsonResponse({"ok": True})


# ok: VC208 -- a verifier imported from the payments package
@csrf_exempt
def payment_event(request):
    event = verify_signature(request.body, request.headers["X-Pay-Signature"])
    return JsonResponse({"handled": event.id})


# expect: VC208 -- the module's helper only computes a signature: nothing compares it
@csrf_exempt
def newsletter_bounce(request):
    return JsonResponse({"signature": _signature_of(request.body)})


# expect: VC208 -- a helper of the module that checks nothing, called by a name that says nothing
@csrf_exempt
def update_profile(request):
    if not _is_owner(request):
        return HttpResponseForbidden()
    return save_profile(request)


def _enforce_csrf(request):
    reason = CsrfViewMiddleware(get_response=lambda r: HttpResponseForbidden()).process_view(request, None, (), {})
    return reason


# ok: VC208 -- clients POST here cross-site by the protocol; the consent form's own POST is checked by hand
@method_decorator(csrf_exempt, name="dispatch")
class AuthorizationView(FormView):
    def post(self, request, *args, **kwargs):
        if request.POST.get("request"):
            denied = _enforce_csrf(request)
            if denied:
                return denied
        return super().post(request, *args, **kwargs)


# ok: VC208 -- runs Django's check itself before it changes anything
@csrf_exempt
def consent(request):
    denied = CsrfViewMiddleware(get_response=lambda r: HttpResponseForbidden()).process_view(request, None, (), {})
    if denied:
        return denied
    return JsonResponse({"granted": True})


# expect: VC208 -- naming the middleware is no check
@csrf_exempt
def consent_page(request):
    return JsonResponse({"protected_by": "CsrfViewMiddleware"})


kobo = Blueprint("kobo", __name__, url_prefix="/kobo/<auth_token>")
shelves = Blueprint("shelves", __name__, url_prefix="/shelves")


# ok: VC208 -- the e-reader proves who it is by the token in the URL, which a forged cross-site request does not know
@protector.exempt
@kobo.route("/v1/library/tags", methods=["POST", "DELETE"])
def create_tag():
    return "", 201


# ok: VC208
@protector.exempt
@app.route("/feeds/<string:api_key>/items", methods=["POST"])
def add_feed_item(api_key):
    return "", 201


# expect: VC208 -- a cookie signs the browser in here
@protector.exempt
@shelves.route("/<int:shelf_id>/delete", methods=["POST"])
def delete_shelf(shelf_id):
    return "", 204


# ok: VC208 -- Google Drive calls it, with no cookie of the app's users
@protector.exempt
@app.route("/gdrive/watch/callback", methods=["GET", "POST"])
def on_received_watch_confirmation():
    return ""


from pyramid.view import view_config


def pyramid_main(config):
    # expect: VC208
    config.set_default_csrf_options(require_csrf=False)
    # ok: VC208
    config.set_default_csrf_options(require_csrf=True, token="csrf_token")


# expect: VC208
@view_config(route_name="import", request_method="POST", require_csrf=False)
def import_view(request):
    return {"ok": True}


# ok: VC208
@view_config(route_name="import_checked", request_method="POST", require_csrf=True)
def import_checked(request):
    return {"ok": True}



class TrackingWebhookView(View):
    # ok: VC208 -- the mail provider's servers post here; the class names the webhook
    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


class ProfileSettingsView(View):
    # expect: VC208 -- a page a signed-in browser posts to
    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


class CasLoginView(View):
    # ok: VC208 -- the CAS server posts its single-logout `logoutRequest` to the login URL, cross-site by design
    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        if request.POST.get("logoutRequest"):
            return end_sessions(request)
        return redirect_to_login(request)


# ok: VC208 -- the identity provider's page posts the signed `SAMLResponse` here through the browser
@csrf_exempt
def saml_login_complete(request):
    return finish_login(request.POST["SAMLResponse"])


class ProfileFormView(View):
    # expect: VC208 -- a form of the app's own, posting no identity provider's message
    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        return save_profile(request.POST.get("logout_request_reason"))
