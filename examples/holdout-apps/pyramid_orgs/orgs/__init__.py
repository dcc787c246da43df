"""Pyramid app: organisations, teams, invite links and per-org integration settings."""

import os

from pyramid.config import Configurator
from pyramid.session import SignedCookieSessionFactory

from .security import OrgSecurityPolicy, Root


def main(global_config, **settings):
    config = Configurator(settings=settings, root_factory=Root)
    # expect: VC203, VC210
    config.set_session_factory(SignedCookieSessionFactory("orgs-session-secret-2024"))
    # ok: VC203
    config.set_security_policy(OrgSecurityPolicy(secret=os.environ["ORGS_AUTH_SECRET"]))
    # expect: VC208
    config.set_default_csrf_options(require_csrf=False)
    config.include("pyramid_tm")
    config.include(".models")
    config.add_route("org_members", "/orgs/{org_id}/members")
    config.add_route("org_project", "/orgs/{org_id}/projects/{project_id}")
    config.add_route("org_project_scoped", "/v2/orgs/{org_id}/projects/{project_id}")
    config.add_route("org_invites", "/orgs/{org_id}/invites")
    config.add_route("accept_invite", "/invites/{token}/accept")
    config.add_route("org_settings", "/orgs/{org_id}/settings")
    config.add_route("org_settings_test", "/orgs/{org_id}/settings/test")
    config.add_route("remove_member", "/orgs/{org_id}/members/{user_id}/remove")
    config.scan(".views")
    return config.make_wsgi_app()
