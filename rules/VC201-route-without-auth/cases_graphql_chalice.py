"""VC201 corpus (Strawberry GraphQL and Chalice): a Strawberry mutation is a state-changing view guarded by its own
`permission_classes=[...]`; field resolvers are entry points only on a root type (`class Query`), and a Chalice route is
guarded by its `authorizer=`."""
import strawberry
from chalice import Chalice, CognitoUserPoolAuthorizer
from strawberry.permission import BasePermission

app = Chalice(app_name="notes")
cognito = CognitoUserPoolAuthorizer("Pool", provider_arns=["arn:aws:cognito-idp:..."])


class IsAuthenticated(BasePermission):
    def has_permission(self, source, info, **kwargs):
        return info.context["user"] is not None


@strawberry.type
class NoteType:
    id: strawberry.ID
    text: str

    # ok: VC201
    @strawberry.field
    def preview(self) -> str:
        return self.text[:40]


@strawberry.type
class Query:
    # ok: VC201
    @strawberry.field
    def notes(self, info) -> list[NoteType]:
        return list_public_notes()


@strawberry.type
class Mutation:
    # ok: VC201
    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def add_note(self, info, text: str) -> NoteType:
        return save_note(info.context["user"], text)

    # expect: VC201
    @strawberry.mutation
    def delete_note(self, info, id: strawberry.ID) -> bool:
        remove_note(int(id))
        return True

    # expect: VC201
    @strawberry.mutation(permission_classes=[])
    def clear_notes(self, info) -> bool:
        remove_all_notes()
        return True

    # ok: VC201
    @strawberry.mutation
    def sign_in(self, email: str, password: str) -> str:
        return issue_token(email, password)

    # ok: VC201 -- the resolver refuses callers who are not signed in (`PermissionError`, which Strawberry answers as an
    # error)
    @strawberry.mutation
    def pin_note(self, info, id: strawberry.ID) -> bool:
        if info.context["user"] is None:
            raise PermissionError("sign in first")
        pin(int(id))
        return True

    # ok: VC201 -- a visitor asks for an invitation: an inactive account nobody can use yet
    @strawberry.mutation
    def request_invite(self, info, email: str) -> bool:
        add_pending_account(email)
        return True

    # expect: VC201 -- it only catches a `PermissionError` of the storage
    @strawberry.mutation
    def export_notes(self, info) -> bool:
        try:
            write_export()
        except PermissionError:
            return False
        return True

    # expect: VC201
    @strawberry.mutation(description="Rename a note")
    def rename_note(self, info, id: strawberry.ID, text: str) -> bool:
        rename(int(id), text)
        return True


# ok: VC201
@app.route("/notes", methods=["POST"], authorizer=cognito)
def create_note():
    return save_note(app.current_request.context["authorizer"]["claims"]["sub"], app.current_request.json_body["text"])


# expect: VC201
@app.route("/notes/{note_id}", methods=["DELETE"])
def delete_note_route(note_id):
    remove_note(note_id)
    return {"deleted": note_id}


# ok: VC201
@app.route("/notes/{note_id}", methods=["PUT"], authorizer=cognito)
def update_note(note_id):
    rename(note_id, app.current_request.json_body["text"])
    return {"updated": note_id}


# expect: VC201
@app.route("/admin/stats", methods=["GET"])
def admin_stats():
    return count_notes()


# expect: VC201
@app.route("/notes/{note_id}/publish", methods=["POST"], authorizer=None)
def publish_note(note_id):
    publish(note_id)
    return {"published": note_id}


# ok: VC201
@app.route("/notes/{note_id}", methods=["GET"])
def read_note(note_id):
    return load_public(note_id)


# ok: VC201
@app.route("/login", methods=["POST"])
def chalice_login():
    return issue_token(app.current_request.json_body["email"], app.current_request.json_body["password"])


# expect: VC201
@app.route("/notes/import", methods=["POST"], cors=True)
def import_notes():
    import_all(app.current_request.json_body)
    return {"imported": True}


@strawberry.type
class AdminMutation:
    # expect: VC201
    @strawberry.mutation
    def ban_user(self, info, id: strawberry.ID) -> bool:
        ban(int(id))
        return True
