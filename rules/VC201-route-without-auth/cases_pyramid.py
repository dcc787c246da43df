"""VC201 corpus (Pyramid): `@view_config(...)` views guarded by their own `permission=`, or by the
`@view_defaults(permission=...)` of their class; `NO_PERMISSION_REQUIRED` opens a view. A view's `route_name` stands for
its path, which `config.add_route` sets elsewhere."""
from pyramid.httpexceptions import HTTPFound
from pyramid.security import NO_PERMISSION_REQUIRED
from pyramid.view import view_config, view_defaults


# ok: VC201
@view_config(route_name="note_add", request_method="POST", permission="edit", renderer="json")
def add_note(request):
    request.dbsession.add(Note(owner_id=request.identity.id, text=request.json_body["text"]))
    return {"ok": True}


# expect: VC201
@view_config(route_name="note_delete", request_method="POST")
def delete_note(request):
    request.dbsession.delete(request.dbsession.get(Note, int(request.matchdict["id"])))
    return HTTPFound(location=request.route_url("notes"))


# expect: VC201
@view_config(route_name="note_purge", request_method=("POST", "DELETE"), permission=NO_PERMISSION_REQUIRED)
def purge_notes(request):
    request.dbsession.query(Note).delete()
    return HTTPFound(location="/")


# ok: VC201
@view_config(route_name="notes", renderer="json")
def list_notes(request):
    return [n.text for n in request.dbsession.query(Note).filter_by(public=True)]


# expect: VC201
@view_config(route_name="admin_users", renderer="json")
def admin_users(request):
    return [u.name for u in request.dbsession.query(User)]


# ok: VC201
@view_config(route_name="admin_settings", renderer="json", permission="admin")
def admin_settings(request):
    return {"maintenance": False}


# ok: VC201
@view_config(route_name="login", request_method="POST")
def login(request):
    return HTTPFound(location="/")


# expect: VC201
@view_config(route_name="note_update", request_method="PUT", permission=None, renderer="json")
def update_note(request):
    note = request.dbsession.get(Note, int(request.matchdict["id"]))
    note.text = request.json_body["text"]
    return {"ok": True}


@view_defaults(renderer="json", permission="admin")
class AdminViews:
    def __init__(self, request):
        self.request = request

    # ok: VC201
    @view_config(route_name="admin_ban", request_method="POST")
    def ban(self):
        self.request.dbsession.get(User, int(self.request.matchdict["id"])).banned = True
        return {"banned": True}

    # ok: VC201
    @view_config(route_name="admin_stats")
    def stats(self):
        return {"users": self.request.dbsession.query(User).count()}


@view_defaults(renderer="json")
class TagViews:
    def __init__(self, request):
        self.request = request

    # expect: VC201
    @view_config(route_name="tag_delete", request_method="DELETE")
    def delete(self):
        self.request.dbsession.query(Tag).filter_by(id=int(self.request.matchdict["id"])).delete()
        return {"deleted": True}

    # ok: VC201
    @view_config(route_name="tag_add", request_method="POST", permission="edit")
    def add(self):
        self.request.dbsession.add(Tag(name=self.request.json_body["name"]))
        return {"added": True}

    # expect: VC201
    @view_config(route_name="tag_merge", request_method="POST")
    @view_config(route_name="tag_merge_legacy", request_method="POST")
    def merge(self):
        self.request.dbsession.execute(merge_tags(self.request.json_body["ids"]))
        return {"merged": True}

    # ok: VC201
    def helper(self):
        return self.request.dbsession.query(Tag).count()


# expect: VC201
@view_config(route_name="note_archive", request_method="POST", permission=[])
def archive_note(request):
    request.dbsession.get(Note, int(request.matchdict["id"])).archived = True
    return HTTPFound(location="/")


# expect: VC201
@view_config(route_name="user_profile", request_method="PATCH", renderer="json")
def patch_profile(request):
    user = request.dbsession.get(User, int(request.matchdict["id"]))
    user.bio = request.json_body["bio"]
    return {"ok": True}
