from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.routing import Route

from .auth import TokenBackend
from .views import (after_login, cached_preferences, create_note, delete_note, get_note, get_own_note, greet,
                    greet_safely, list_notes, word_stats)

routes = [
    Route("/notes", list_notes),
    Route("/notes", create_note, methods=["POST"]),
    Route("/notes/{note_id:int}", get_note),
    Route("/notes/{note_id:int}/mine", get_own_note),
    # expect: VC201
    Route("/notes/{note_id:int}", delete_note, methods=["DELETE"]),
    Route("/stats", word_stats),
    Route("/hello", greet),
    Route("/hello-safe", greet_safely),
    Route("/after-login", after_login),
    Route("/prefs", cached_preferences),
]

app = Starlette(routes=routes, middleware=[Middleware(AuthenticationMiddleware, backend=TokenBackend())])
