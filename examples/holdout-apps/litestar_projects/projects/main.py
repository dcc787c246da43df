from litestar import Litestar
from litestar.middleware.base import DefineMiddleware

from .controllers import AdminController, PreviewController, ProjectController
from .guards import JWTAuthMiddleware

auth_mw = DefineMiddleware(JWTAuthMiddleware, exclude=["/schema", "/admin"])

app = Litestar(route_handlers=[ProjectController, PreviewController, AdminController], middleware=[auth_mw])
