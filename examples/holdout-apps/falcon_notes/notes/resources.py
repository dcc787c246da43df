import falcon

from .auth import require_editor
from .store import NoteStore


class NoteCollection:
    def __init__(self, store: NoteStore):
        self.store = store

    def on_get(self, req, resp):
        resp.media = self.store.list_notes()

    # ok: VC201
    def on_post(self, req, resp):
        note_id = self.store.add_note(req.media["title"], req.media["body"])
        resp.status = falcon.HTTP_201
        resp.media = {"id": note_id}

    # ok: VC201
    def on_delete_item(self, req, resp, note_id):
        self.store.delete_note(note_id)
        resp.status = falcon.HTTP_204


class BulkDeleteResource:
    def __init__(self, store: NoteStore):
        self.store = store

    # expect: VC201
    def on_post(self, req, resp):
        removed = self.store.delete_notes(req.media["ids"])
        resp.media = {"removed": removed}


class CommentResource:
    def __init__(self, store: NoteStore):
        self.store = store

    def on_get(self, req, resp, note_id):
        resp.media = self.store.comments(note_id)

    # expect: VC201
    def on_post(self, req, resp, note_id):
        self.store.add_comment(note_id, req.media["text"])
        resp.status = falcon.HTTP_201

    # expect: VC201
    def on_put_tag(self, req, resp, note_id, tag):
        self.store.tag_note(note_id, tag)
        resp.status = falcon.HTTP_204


@falcon.before(require_editor)
class ArchiveResource:
    def __init__(self, store: NoteStore):
        self.store = store

    # ok: VC201
    def on_post(self, req, resp, note_id):
        self.store.archive(note_id)
        resp.status = falcon.HTTP_204


class PublishResource:
    def __init__(self, store: NoteStore):
        self.store = store

    def on_get(self, req, resp, note_id):
        resp.media = {"published": self.store.is_published(note_id)}

    # ok: VC201
    @falcon.before(require_editor)
    def on_post(self, req, resp, note_id):
        self.store.publish(note_id)
        resp.status = falcon.HTTP_204


class StatsResource:
    def __init__(self, store: NoteStore):
        self.store = store

    # ok: VC201
    def on_get(self, req, resp):
        resp.media = {"notes": self.store.count()}


class HealthResource:
    # ok: VC201
    def on_post(self, req, resp):
        resp.media = {"ok": True}
