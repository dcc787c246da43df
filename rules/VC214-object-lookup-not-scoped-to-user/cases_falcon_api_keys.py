"""VC214 corpus: a Falcon app whose middleware checks an API key and puts no user in the request's context: its
responders serve the app's shared rows to every key alike, so a lookup by id relates nothing to a caller."""
import falcon

from .db import Item, session


class ApiKeyMiddleware:
    def process_request(self, req, resp):
        key = req.get_header("X-Api-Key")
        if key != "secret":
            raise falcon.HTTPUnauthorized()
        req.context.api_key = key


class ItemResource:
    def on_delete(self, req, resp, item_id):
        # ok: VC214 -- no user to scope by: every key manages every item
        item = session.query(Item).get(item_id)
        session.delete(item)
        session.commit()
