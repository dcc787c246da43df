"""Pyramid application factory."""
from pyramid.config import Configurator
from pyramid.session import SignedCookieSessionFactory

from .security import InvoiceSecurityPolicy


def main(global_config, **settings):
    with Configurator(settings=settings) as config:
        # expect: VC203, VC210 -- session signing secret in the source; cookie readable over http
        config.set_session_factory(SignedCookieSessionFactory("itsaseekreet", secure=False, httponly=False))
        # expect: VC203 -- a literal fallback for the auth ticket secret
        config.set_security_policy(InvoiceSecurityPolicy(settings.get("auth.secret", "change-me")))
        # expect: VC208 -- CSRF checks switched off for every view
        config.set_default_csrf_options(require_csrf=False)
        config.include("pyramid_tm")
        config.include(".models")
        config.add_route("home", "/")
        config.add_route("login", "/login")
        config.add_route("invoices", "/invoices")
        config.add_route("invoice", "/invoices/{id}")
        config.add_route("invoice_pdf", "/invoices/{id}/pdf")
        config.add_route("invoice_delete", "/invoices/{id}/delete")
        config.add_route("invoice_mark_paid", "/invoices/{id}/paid")
        config.add_route("admin_users", "/admin/users")
        config.add_route("admin_promote", "/admin/users/{id}/promote")
        config.add_route("preview", "/preview")
        config.add_route("search", "/search")
        config.scan(".views")
    return config.make_wsgi_app()
