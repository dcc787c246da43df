"""VC214 corpus: Falcon responders that read the caller a middleware put in `req.context` (`req.context.user`,
`req.context["user"]`, or whose module's middleware puts one there), and Starlette handlers reading `request.user`: a
lookup by the client's id that the caller does not scope is reported; one scoped to the caller is not."""
import falcon
from starlette.responses import JSONResponse

from .db import Note, session


class NoteResource:
    def on_get(self, req, resp, note_id):
        if req.context.user is None:
            raise falcon.HTTPUnauthorized()
        # ok: VC214 -- scoped to the caller
        note = session.query(Note).filter_by(id=note_id, owner_id=req.context.user.id).first()
        resp.media = {"body": note.body}

    def on_delete(self, req, resp, note_id):
        if req.context.user is None:
            raise falcon.HTTPUnauthorized()
        # expect: VC214
        note = session.query(Note).get(note_id)
        session.delete(note)
        session.commit()

    def on_put(self, req, resp, note_id):
        user = req.context["user"]
        if not user:
            raise falcon.HTTPUnauthorized()
        # ok: VC214 -- the caller read by key scopes it
        note = session.query(Note).filter_by(id=note_id, owner_id=user.id).first()
        note.body = req.media["body"]
        session.commit()

    def on_post_archive(self, req, resp, note_id):
        user = req.context.get("user")
        if user is None:
            raise falcon.HTTPUnauthorized()
        # expect: VC214
        note = session.query(Note).get(note_id)
        note.archived = True
        session.commit()


class AttachmentResource:
    def on_delete(self, req, resp, note_id):
        # expect: VC214 -- reads no caller itself, but the module's middleware signs users in
        note = session.query(Note).get(note_id)
        session.delete(note)
        session.commit()


class AuthMiddleware:
    def process_request(self, req, resp):
        req.context.user = session.query(Note).first()


async def archive_note(request):
    if not request.user.is_authenticated:
        return JSONResponse({}, status_code=401)
    note_id = request.path_params["note_id"]
    # expect: VC214
    note = session.query(Note).get(note_id)
    note.archived = True
    session.commit()
    return JSONResponse({})


async def rename_note(request):
    if not request.user.is_authenticated:
        return JSONResponse({}, status_code=401)
    note_id = request.path_params["note_id"]
    # ok: VC214 -- scoped to `request.user`
    note = session.query(Note).filter_by(id=note_id, owner=request.user.username).first()
    note.title = (await request.json())["title"]
    session.commit()
    return JSONResponse({})


async def note_inline(request):
    if not request.user.is_authenticated:
        return JSONResponse({}, status_code=401)
    # expect: VC214 -- the capture read inline, in the lookup
    note = session.query(Note).get(request.path_params["note_id"])
    return JSONResponse({"body": note.body})


async def note_inline_converted(request):
    if not request.user.is_authenticated:
        return JSONResponse({}, status_code=401)
    # expect: VC214
    note = session.get(Note, int(request.path_params["note_id"]))
    session.delete(note)
    session.commit()
    return JSONResponse({})


async def note_inline_scoped(request):
    if not request.user.is_authenticated:
        return JSONResponse({}, status_code=401)
    # ok: VC214 -- scoped to `request.user`
    note = session.query(Note).filter_by(id=request.path_params["note_id"], owner=request.user.username).first()
    return JSONResponse({"body": note.body})


async def note_inline_checked(request):
    if not request.user.is_authenticated:
        return JSONResponse({}, status_code=401)
    # ok: VC214 -- the owner is compared before the note is used
    note = session.query(Note).get(request.path_params["note_id"])
    if note.owner != request.user.username:
        return JSONResponse({}, status_code=404)
    return JSONResponse({"body": note.body})


async def note_of_the_staff_in_state(request):
    staff = request.state.staff
    note_id = request.path_params["note_id"]
    # ok: VC214 -- scoped to the staff member a guard put in the request's state
    note = session.query(Note).filter_by(id=note_id, owner_id=staff.id).first()
    return JSONResponse({"body": note.body})


async def note_for_the_customer_in_state(request):
    if request.state.customer is None:
        return JSONResponse({}, status_code=401)
    note_id = request.path_params["note_id"]
    # expect: VC214 -- the handler knows the customer a guard signed in, yet reads the note by id alone
    note = session.query(Note).get(note_id)
    return JSONResponse({"body": note.body})


class InlineCallerResource:
    def on_patch(self, req, resp, note_id):
        # ok: VC214 -- the caller a middleware put in the context, read inline, scopes it
        note = session.query(Note).filter_by(id=note_id, owner_id=req.context["user"].id).first()
        note.body = req.media["body"]
        session.commit()

    def on_delete(self, req, resp, note_id):
        if req.context["user"] is None:
            raise falcon.HTTPUnauthorized()
        # expect: VC214 -- the caller read inline, only to see that one is signed in
        note = session.query(Note).get(note_id)
        session.delete(note)
        session.commit()
