import falcon
import falcon.asgi

from .auth import LenientTokenMiddleware, TokenMiddleware
from .resources import (
    ArchiveResource, BulkDeleteResource, CommentResource, HealthResource, NoteCollection, PublishResource,
    StatsResource,
)
from .store import NoteStore

store = NoteStore()

api = falcon.App(middleware=[TokenMiddleware()])
notes = NoteCollection(store)
api.add_route("/notes", notes)
api.add_route("/notes/{note_id:int}", notes, suffix="item")

maintenance = falcon.asgi.App(middleware=[LenientTokenMiddleware()])
maintenance.add_route("/notes/bulk-delete", BulkDeleteResource(store))


def create_public_app() -> falcon.App:
    public = falcon.App()
    public.add_route("/health", HealthResource())
    public.add_route("/stats", StatsResource(store))
    public.add_route("/notes/{note_id:int}/comments", CommentResource(store))
    public.add_route("/notes/{note_id:int}/tags/{tag}", CommentResource(store), suffix="tag")
    public.add_route("/notes/{note_id:int}/archive", ArchiveResource(store))
    public.add_route("/notes/{note_id:int}/publish", PublishResource(store))
    return public
