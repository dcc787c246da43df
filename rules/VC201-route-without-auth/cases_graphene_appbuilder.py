"""VC201 corpus (Graphene and Flask-AppBuilder): a Graphene mutation's `mutate` is a state-changing view guarded only
by its own decorators (graphql_jwt's `@login_required`); a Flask-AppBuilder view's `@expose(..., methods=["POST"])`
method is a route guarded by its own `@has_access`/`@protect()`."""
import graphene
from flask_appbuilder import BaseView, expose, has_access
from flask_appbuilder.api import BaseApi, protect
from graphql_jwt.decorators import login_required, superuser_required


class DeleteNote(graphene.Mutation):
    class Arguments:
        note_id = graphene.ID(required=True)

    ok = graphene.Boolean()

    # expect: VC201
    def mutate(root, info, note_id):
        remove_note(note_id)
        return DeleteNote(ok=True)


class ArchiveNote(graphene.Mutation):
    class Arguments:
        note_id = graphene.ID(required=True)

    ok = graphene.Boolean()

    # ok: VC201
    @login_required
    def mutate(root, info, note_id):
        archive_note(info.context.user, note_id)
        return ArchiveNote(ok=True)


class ImportNotes(graphene.relay.ClientIDMutation):
    class Input:
        url = graphene.String(required=True)

    count = graphene.Int()

    # expect: VC201
    @classmethod
    def mutate_and_get_payload(cls, root, info, url):
        return ImportNotes(count=import_from(url))


class PurgeNotes(graphene.Mutation):
    ok = graphene.Boolean()

    # ok: VC201
    @superuser_required
    def mutate(root, info):
        purge_all()
        return PurgeNotes(ok=True)


class NoteType(graphene.ObjectType):
    text = graphene.String()

    # ok: VC201 -- a field of a returned object, not an entry point
    def resolve_text(self, info):
        return self.body


class Query(graphene.ObjectType):
    notes = graphene.List(NoteType)

    # ok: VC201 -- reads only
    def resolve_notes(root, info):
        return list_public_notes()


class ReportsView(BaseView):
    route_base = "/reports"

    # ok: VC201 -- reads only
    @expose("/summary")
    def summary(self):
        return self.render_template("summary.html")

    # expect: VC201
    @expose("/rebuild", methods=["POST"])
    def rebuild(self):
        rebuild_reports()
        return self.render_template("summary.html")

    # ok: VC201
    @expose("/purge", methods=["POST"])
    @has_access
    def purge(self):
        purge_reports()
        return self.render_template("summary.html")


class SyncApi(BaseApi):
    resource_name = "sync"

    # expect: VC201
    @expose("/contacts", methods=["POST", "PUT"])
    def push_contacts(self):
        store_contacts()
        return self.response(201)

    # ok: VC201
    @expose("/deals", methods=["POST"])
    @protect()
    def push_deals(self):
        store_deals()
        return self.response(201)

    # ok: VC201 -- a helper, not exposed
    def _store(self):
        store_deals()
