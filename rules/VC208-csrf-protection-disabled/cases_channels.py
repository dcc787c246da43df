"""VC208 corpus (Django Channels): a WebSocket stack that signs callers in from the session cookie takes connections
that any site's page opens, unless an origin validator wraps it."""
from channels.auth import AuthMiddlewareStack
from channels.routing import ProtocolTypeRouter, URLRouter
from channels.security.websocket import AllowedHostsOriginValidator, OriginValidator
from channels.sessions import SessionMiddlewareStack

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        # expect: VC208
        "websocket": AuthMiddlewareStack(URLRouter(websocket_urlpatterns)),
    }
)

checked = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        # ok: VC208
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)

listed = ProtocolTypeRouter(
    {
        # ok: VC208
        "websocket": OriginValidator(SessionMiddlewareStack(URLRouter(websocket_urlpatterns)), ["https://app.example"]),
    }
)

sessions = ProtocolTypeRouter(
    {
        # expect: VC208
        "websocket": SessionMiddlewareStack(URLRouter(websocket_urlpatterns)),
    }
)

tokens = ProtocolTypeRouter(
    {
        # ok: VC208 -- no cookie signs the caller in: each connection presents its own token
        "websocket": TokenAuthMiddleware(URLRouter(websocket_urlpatterns)),
    }
)
