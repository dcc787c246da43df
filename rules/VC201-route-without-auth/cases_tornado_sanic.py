"""VC201 corpus: class-based handlers of Tornado (`RequestHandler`, a project base handler) and Sanic (method views,
blueprint route decorators, `add_route`)."""
import tornado.web
from sanic import Blueprint
from sanic.response import json
from sanic.views import HTTPMethodView

from .auth import protected
from .base import AppHandler

bp = Blueprint("accounts", url_prefix="/accounts")


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_signed_cookie("user_id")


class AccountHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, account_id):
        self.write({"id": account_id})

    # expect: VC201
    def delete(self, account_id):
        self.write({"deleted": account_id})


class CloseAccountHandler(tornado.web.RequestHandler):
    # expect: VC201
    def post(self, account_id):
        self.write({"closed": account_id})


class RenameAccountHandler(BaseHandler):
    # ok: VC201
    @tornado.web.authenticated
    def post(self, account_id):
        self.write({"renamed": account_id})


class ZipBundleHandler(tornado.web.RequestHandler):
    def initialize(self, access_validator=None, path_validator=None):
        self._access_validator = access_validator
        self._path_validator = path_validator

    # ok: VC201 -- the access validator the app hands the handler raises for a caller it refuses
    def post(self, *args):
        if self._access_validator is not None:
            self._access_validator(self.request)
        self.write({"zipped": args})

    # expect: VC201 -- a validator of the path checks no caller
    def delete(self, *args):
        self._path_validator(args)
        self.write({"deleted": args})


class LoginHandler(BaseHandler):
    # ok: VC201 -- signing in is open by design
    def post(self):
        self.set_signed_cookie("user_id", self.get_body_argument("username"))


class ImportedBaseHandler(AppHandler):
    """Based on a project handler defined in another module: a Tornado handler all the same."""

    # expect: VC201
    def delete(self, account_id):
        self.write({"deleted": account_id})

    # ok: VC201
    @tornado.web.authenticated
    def put(self, account_id):
        self.write({"updated": account_id})


class AccountView(HTTPMethodView):
    # expect: VC201
    async def delete(self, request, account_id):
        return None


class GuardedAccountView(HTTPMethodView):
    decorators = [protected]

    # ok: VC201
    async def delete(self, request, account_id):
        return None


class TransferHandler(tornado.web.RequestHandler):
    # expect: VC201
    def put(self, transfer_id):
        self.write({"moved": transfer_id})

    # ok: VC201 -- a read
    def get(self, transfer_id):
        self.write({"id": transfer_id})


class LimitsHandler(BaseHandler):
    # expect: VC201
    def patch(self, account_id):
        self.write({"limits": account_id})

    # ok: VC201
    @tornado.web.authenticated
    def delete(self, account_id):
        self.write({"cleared": account_id})


class PayoutView(HTTPMethodView):
    # expect: VC201
    async def post(self, request):
        return json({"queued": True})

    # ok: VC201 -- a read
    async def get(self, request):
        return json([])


# expect: VC201
@bp.post("/<account_id:int>/freeze")
async def freeze_account(request, account_id):
    return json({"frozen": account_id})


# expect: VC201
@bp.route("/<account_id:int>/limits", methods=["PUT"])
async def set_limits(request, account_id):
    return json({"limits": request.json})


# ok: VC201
@bp.post("/<account_id:int>/notes")
@protected
async def add_note(request, account_id):
    return json({"note": request.json})


# ok: VC201 -- a read
@bp.get("/<account_id:int>/statement")
async def statement(request, account_id):
    return json([])


# ok: VC201 -- signing in is open by design
@bp.post("/login")
async def login(request):
    return json({"token": issue_token(request.json)})


async def purge_accounts(request):
    return json({"purged": True})


bp.add_route(AccountView.as_view(), "/<account_id:int>")
bp.add_route(GuardedAccountView.as_view(), "/guarded/<account_id:int>")
bp.add_route(PayoutView.as_view(), "/payouts")
# expect: VC201 -- a handler registered by a call is reported where it is registered
bp.add_route(purge_accounts, "/purge", methods=["POST"])


class NotFoundHandler(BaseHandler):
    def get(self):
        raise tornado.web.HTTPError(404)

    # ok: VC201 -- it only refuses: a not-found page serves nothing to any verb
    def post(self):
        """Every verb of an unknown path is a 404."""
        raise tornado.web.HTTPError(404)

    # expect: VC201 -- it deletes before it answers with an error
    def delete(self, account_id):
        self.write({"deleted": account_id})
        raise tornado.web.HTTPError(410)
