"""VC215 corpus (Ariadne): a resolver's untyped argument unpacked into a write is the client's input object, whatever
fields it brings."""
from ariadne import MutationType, QueryType

from .models import Project, Ticket

mutation = MutationType()
query = QueryType()


@mutation.field("editTicket")
async def resolve_edit_ticket(obj, info, ticket_id, patch):
    ticket = await Ticket.objects.get(id=ticket_id, owner=info.context["user"].id)
    # expect: VC215
    await ticket.update(**patch)
    return ticket


@mutation.field("openProject")
def resolve_open_project(_, info, data):
    # expect: VC215 -- a model built from the whole input object
    return Project.objects.create(**data)


@mutation.field("renameTicket")
async def resolve_rename_ticket(obj, info, ticket_id, patch):
    ticket = await Ticket.objects.get(id=ticket_id, owner=info.context["user"].id)
    # ok: VC215 -- one field picked
    await ticket.update(title=patch["title"])
    return ticket


@query.field("tickets")
def resolve_tickets(_, info, filters):
    # ok: VC215 -- a read, not a write
    return Ticket.objects.filter(**filters).all()


async def apply_patch(ticket, patch):
    # ok: VC215 -- a helper, not a resolver: its caller decides what it is handed
    await ticket.update(**patch)
