"""VC201 corpus (Django Ninja): routes guarded by `auth=` on the `NinjaAPI`, on their `Router`, on the
`add_router(...)` call that includes it or on the route decorator; a route's own `auth=None` opens it whatever its
router or API requires."""
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Router
from ninja.security import HttpBearer, django_auth


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        return Token.objects.filter(key=token, revoked=False).first()


api = NinjaAPI(auth=TokenAuth())
open_api = NinjaAPI(urls_namespace="public")
notes = Router()
staff = Router(auth=django_auth)
hooks = Router()
comments = Router(tags=["comments"])


# ok: VC201
@api.post("/notes")
def create_note(request, text: str):
    return Note.objects.create(owner=request.auth, text=text)


# ok: VC201
@api.delete("/notes/{note_id}")
def delete_note(request, note_id: int):
    get_object_or_404(Note, id=note_id, owner=request.auth).delete()


# expect: VC201
@api.post("/notes/{note_id}/share", auth=None)
def share_note(request, note_id: int):
    note = get_object_or_404(Note, id=note_id)
    note.shared = True
    note.save()


# ok: VC201
@api.get("/health", auth=None)
def health(request):
    return {"ok": True}


# ok: VC201
@api.post("/login", auth=None)
def login(request, username: str, password: str):
    return issue_token(username, password)


# ok: VC201
@staff.post("/purge")
def purge(request):
    Note.objects.filter(deleted=True).delete()


# ok: VC201
@staff.delete("/users/{user_id}")
def delete_user(request, user_id: int):
    User.objects.filter(id=user_id).delete()


# expect: VC201
@staff.post("/users/{user_id}/unlock", auth=None)
def unlock_user(request, user_id: int):
    User.objects.filter(id=user_id).update(locked=False)


# ok: VC201
@notes.put("/{note_id}")
def edit_note(request, note_id: int, text: str):
    Note.objects.filter(id=note_id, owner=request.auth).update(text=text)


# ok: VC201
@notes.post("/{note_id}/pin", auth=TokenAuth())
def pin_note(request, note_id: int):
    Note.objects.filter(id=note_id, owner=request.auth).update(pinned=True)


# ok: VC201
@hooks.post("/imports")
def start_import(request, url: str):
    return Import.objects.create(url=url)


# expect: VC201
@open_api.post("/feedback/{feedback_id}/delete")
def delete_feedback(request, feedback_id: int):
    Feedback.objects.filter(id=feedback_id).delete()


# expect: VC201
@open_api.put("/settings")
def change_settings(request, theme: str):
    Settings.objects.update(theme=theme)


# ok: VC201
@open_api.post("/notes/{note_id}/archive", auth=django_auth)
def archive_note(request, note_id: int):
    Note.objects.filter(id=note_id).update(archived=True)


# expect: VC201
@api.patch("/notes/{note_id}/owner", auth=None)
def give_note_away(request, note_id: int, owner_id: int):
    Note.objects.filter(id=note_id).update(owner_id=owner_id)


# expect: VC201
@notes.delete("/{note_id}/attachments", auth=None)
def drop_attachments(request, note_id: int):
    Attachment.objects.filter(note_id=note_id).delete()


# expect: VC201
@comments.post("/")
def add_comment(request, note_id: int, text: str):
    return Comment.objects.create(note_id=note_id, text=text)


# expect: VC201
@open_api.post("/uploads")
def upload(request, name: str):
    return Upload.objects.create(name=name)


api.add_router("/notes", notes)
open_api.add_router("/comments", comments)
open_api.add_router("/hooks", hooks, auth=[TokenAuth()])
