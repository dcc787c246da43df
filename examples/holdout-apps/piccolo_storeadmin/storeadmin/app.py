"""Starlette application wiring."""

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import Route

from . import views

routes = [
    Route("/login", views.login, methods=["POST"]),
    Route("/orders/{order_id:int}", views.order_detail),
    Route("/orders/{order_id:int}/cancel", views.order_cancel, methods=["POST"]),
    Route("/stores/{store_id:int}/orders", views.store_orders),
    Route("/stores/{store_id:int}/low-stock", views.low_stock),
    Route("/products/{product_id:int}", views.product_update, methods=["PATCH"]),
    # expect: VC201
    Route("/products/{product_id:int}/delete", views.delete_product, methods=["GET"]),
    Route("/search", views.search_page),
    Route("/staff", views.staff_create, methods=["POST"]),
    Route("/profile", views.profile_update, methods=["POST"]),
    Route("/profile.json", views.profile_json),
    Route("/profile/token", views.rotate_token, methods=["POST"]),
    Route("/api/orders", views.api_orders),
]

middleware = [
    # expect: VC203, VC210
    Middleware(SessionMiddleware, secret_key="storeadmin-session-key-change-me", https_only=False),
    # expect: VC209
    Middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"]),
]

# expect: VC211
app = Starlette(debug=True, routes=routes, middleware=middleware)
