"""VC214 corpus (Graphene and Flask-AppBuilder): a resolver's or mutation's id argument, and the URL capture of an
exposed Flask-AppBuilder method, are the client's choice; behind a login only, a lookup by them must name the owner."""
import graphene
from flask import g
from flask_appbuilder.api import BaseApi, expose, protect
from graphql_jwt.decorators import login_required, superuser_required


class Query(graphene.ObjectType):
    invoice = graphene.Field(InvoiceType, id=graphene.ID(required=True))
    my_invoice = graphene.Field(InvoiceType, id=graphene.ID(required=True))

    @login_required
    def resolve_invoice(root, info, id):
        # expect: VC214
        return Invoice.objects.get(pk=id)

    @login_required
    def resolve_my_invoice(root, info, id):
        # ok: VC214
        return Invoice.objects.get(pk=id, owner=info.context.user)


class CancelInvoice(graphene.Mutation):
    class Arguments:
        invoice_id = graphene.ID(required=True)

    ok = graphene.Boolean()

    @login_required
    def mutate(root, info, invoice_id):
        # expect: VC214
        invoice = Invoice.objects.get(pk=invoice_id)
        invoice.status = "cancelled"
        invoice.save()
        return CancelInvoice(ok=True)


class ReopenInvoice(graphene.Mutation):
    class Arguments:
        invoice_id = graphene.ID(required=True)

    ok = graphene.Boolean()

    @superuser_required
    def mutate(root, info, invoice_id):
        # ok: VC214 -- administrators reopen any invoice
        Invoice.objects.filter(pk=invoice_id).update(status="open")
        return ReopenInvoice(ok=True)


class InvoiceApi(BaseApi):
    resource_name = "invoice"

    @expose("/<int:pk>/notes")
    @protect()
    def notes(self, pk):
        # expect: VC214
        invoice = db.session.get(Invoice, pk)
        return self.response(200, notes=invoice.notes)

    @expose("/<int:pk>/lines")
    @protect()
    def lines(self, pk):
        # ok: VC214
        invoice = db.session.query(Invoice).filter_by(id=pk, owner_id=g.user.id).one_or_none()
        return self.response(200, lines=invoice.lines)
