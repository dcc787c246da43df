"""VC201 corpus: Falcon resources registered with `add_route`, guarded by middleware, `@falcon.before` or nothing."""
import hmac
import logging
import os

import falcon
import falcon.asgi

from .hooks import require_user

log = logging.getLogger(__name__)
API_TOKEN = os.environ["API_TOKEN"]


class TokenMiddleware:
    def process_request(self, req, resp):
        if not hmac.compare_digest(req.get_header("Authorization") or "", API_TOKEN):
            raise falcon.HTTPUnauthorized(title="token required")


class LenientTokenMiddleware:
    def process_resource(self, req, resp, resource, params):
        try:
            if not hmac.compare_digest(req.get_header("Authorization") or "", API_TOKEN):
                raise falcon.HTTPUnauthorized(title="token required")
        except Exception:
            log.warning("token check failed")


class TimingMiddleware:
    def process_request(self, req, resp):
        req.context.started = 0


def check_admin_key(req, resp, resource, params):
    if not hmac.compare_digest(req.get_header("X-Admin-Key") or "", os.environ["ADMIN_KEY"]):
        raise falcon.HTTPForbidden(title="admin key required")


class OrderCollection:
    # ok: VC201
    def on_get(self, req, resp):
        resp.media = list_orders()

    # ok: VC201
    def on_post(self, req, resp):
        resp.media = create_order(req.media)

    # ok: VC201
    def on_delete_item(self, req, resp, order_id):
        delete_order(order_id)


class RefundResource:
    # expect: VC201
    def on_post(self, req, resp, order_id):
        resp.media = refund(order_id)


class InvoiceResource:
    # expect: VC201
    def on_put(self, req, resp, invoice_id):
        update_invoice(invoice_id, req.media)

    # expect: VC201
    def on_patch_status(self, req, resp, invoice_id):
        set_invoice_status(invoice_id, req.media["status"])

    # ok: VC201
    def on_get(self, req, resp, invoice_id):
        resp.media = read_invoice(invoice_id)

    # ok: VC201
    def on_delete_unrouted(self, req, resp, invoice_id):
        delete_invoice(invoice_id)


class AdminResource:
    # expect: VC201
    def on_get(self, req, resp):
        resp.media = all_users()


class CouponResource:
    # expect: VC201
    def on_post(self, req, resp):
        resp.media = issue_coupon(req.media)


@falcon.before(check_admin_key)
class PurgeResource:
    # ok: VC201
    def on_post(self, req, resp):
        purge_cache()


class ProfileResource:
    # ok: VC201
    @falcon.before(require_user)
    def on_patch(self, req, resp):
        update_profile(req.media)

    # expect: VC201
    def on_delete(self, req, resp):
        delete_profile(req.media["id"])


class TagResource:
    # expect: VC201
    def on_put(self, req, resp, order_id, tag):
        tag_order(order_id, tag)


class ExportResource:
    # expect: VC201
    async def on_post(self, req, resp):
        resp.media = await start_export(await req.get_media())


class GitHubWebhookResource:
    # expect: VC201
    def on_post(self, req, resp):
        event = req.media
        queue.put(event["action"], event["repository"])


class StripeWebhookResource:
    # ok: VC201
    def on_post(self, req, resp):
        event = stripe.Webhook.construct_event(req.bounded_stream.read(), req.get_header("Stripe-Signature"), SECRET)
        handle_event(event)


class HealthResource:
    # ok: VC201
    def on_post(self, req, resp):
        resp.media = {"ok": True}


class UnregisteredResource:
    # ok: VC201
    def on_post(self, req, resp):
        resp.media = refund(req.media["order_id"])


api = falcon.App(middleware=[TokenMiddleware()])
orders = OrderCollection()
api.add_route("/orders", orders)
api.add_route("/orders/{order_id}", orders, suffix="item")

lenient = falcon.asgi.App(middleware=[LenientTokenMiddleware(), TimingMiddleware()])
lenient.add_route("/orders/{order_id}/refund", RefundResource())
lenient.add_route("/orders/{order_id}/tags/{tag}", TagResource())

public = falcon.App(middleware=TimingMiddleware())
public.add_route("/invoices/{invoice_id}", InvoiceResource())
public.add_route("/invoices/{invoice_id}/status", InvoiceResource(), suffix="status")
public.add_route("/admin/users", AdminResource())
public.add_route("/coupons", CouponResource())
public.add_route("/purge", PurgeResource())
public.add_route("/profile", ProfileResource())
public.add_route("/health", HealthResource())
public.add_route("/hooks/github", GitHubWebhookResource())
public.add_route("/hooks/stripe", StripeWebhookResource())


def create_reports_app() -> falcon.asgi.App:
    reports = falcon.asgi.App()
    exporter = ExportResource()
    reports.add_route("/exports", exporter)
    return reports
