"""VC201 corpus: class-based handlers of Tornado (`RequestHandler`, a project base handler) and Sanic."""
import tornado.web
from sanic import Blueprint
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


bp.add_route(AccountView.as_view(), "/<account_id:int>")
bp.add_route(GuardedAccountView.as_view(), "/guarded/<account_id:int>")
