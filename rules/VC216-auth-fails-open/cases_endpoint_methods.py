"""VC216 corpus: a handler class's verb method is the endpoint, so an `except` that ends it hands the request on to
nothing; a guard method (`prepare`) that ends normally lets the request on to the verb method."""
from tornado import web

from .oauth import ProviderAuthError, TokenAuthError, verify_token


class AuthorizeHandler(web.RequestHandler):
    @web.authenticated
    async def get(self):
        try:
            client = self.provider.validate(self.request.uri)
            if not self.allowed(client):
                raise web.HTTPError(403, "not allowed")
            self.write(self.render_page(client))
        # ok: VC216 -- the page is written inside the `try`; the `except` answers with the provider's error redirect
        except ProviderAuthError as e:
            self.log.error("authorization failed: %s", e)
            self.redirect(e.uri)

    def post(self):
        try:
            if not self.allowed(self.current_user):
                raise web.HTTPError(401)
            self.finish(self.grant())
        # ok: VC216 -- the grant happens only inside the `try`
        except TokenAuthError:
            self.log.warning("token refused")


class GuardedHandler(web.RequestHandler):
    def prepare(self):
        try:
            token = self.request.headers["Authorization"]
            if not self.valid(token):
                raise web.HTTPError(403, "not allowed")
        # expect: VC216 -- `prepare` returning normally lets the request on to `get`
        except TokenAuthError:
            self.log.error("bad token")

    def get(self):
        self.write("report")



def require_staff(request):
    try:
        if not request.user.is_staff:
            raise web.HTTPError(403)
    # expect: VC216 -- a dependency that ends normally lets the request on to the route
    except TokenAuthError:
        pass
