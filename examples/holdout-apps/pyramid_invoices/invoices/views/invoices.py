"""Invoice views."""
import logging
import os

from mako.template import Template
from pyramid.httpexceptions import HTTPForbidden, HTTPFound, HTTPNotFound
from pyramid.response import FileResponse, Response
from pyramid.view import view_config
from sqlalchemy import select, text

from ..models import Invoice

logger = logging.getLogger(__name__)
PDF_DIR = "/srv/invoices/pdf"


@view_config(route_name="invoices", renderer="json", permission="view")
def list_invoices(request):
    # ok: VC214 -- the caller's own invoices
    rows = request.dbsession.scalars(select(Invoice).where(Invoice.owner_id == request.identity.id)).all()
    return [{"id": i.id, "customer": i.customer, "amount": str(i.amount)} for i in rows]


@view_config(route_name="invoice", renderer="json", permission="view")
def show_invoice(request):
    # expect: VC214 -- any invoice by the id in the URL
    invoice = request.dbsession.get(Invoice, int(request.matchdict["id"]))
    if invoice is None:
        raise HTTPNotFound()
    return {"id": invoice.id, "customer": invoice.customer, "amount": str(invoice.amount), "notes": invoice.notes}


@view_config(route_name="invoice", renderer="json", permission="edit", request_method="PUT")
def update_invoice(request):
    invoice = request.dbsession.get(Invoice, int(request.matchdict["id"]))
    if invoice is None or invoice.owner_id != request.identity.id:
        raise HTTPForbidden()
    for key, value in request.json_body.items():
        # expect: VC215 -- every key of the JSON body set on the row, owner_id included
        setattr(invoice, key, value)
    return {"id": invoice.id}


@view_config(route_name="invoice_pdf", permission="view")
def invoice_pdf(request):
    invoice = request.dbsession.get(Invoice, int(request.matchdict["id"]))
    if invoice is None or invoice.owner_id != request.identity.id:
        raise HTTPNotFound()
    # ok: VC405 -- the path is built from the stored id, not from the client
    return FileResponse(os.path.join(PDF_DIR, f"{invoice.id}.pdf"), request=request)


@view_config(route_name="invoice_pdf", permission="view", request_param="file")
def invoice_attachment(request):
    # expect: VC405 -- file name from the query string
    return FileResponse(os.path.join(PDF_DIR, request.params["file"]), request=request)


# expect: VC201 -- no permission on a view that deletes
@view_config(route_name="invoice_delete", request_method="POST")
def delete_invoice(request):
    invoice = request.dbsession.get(Invoice, int(request.matchdict["id"]))
    if invoice is not None:
        request.dbsession.delete(invoice)
    return HTTPFound(location=request.route_url("invoices"))


# expect: VC218 -- any signed-in clerk marks any invoice paid
@view_config(route_name="invoice_mark_paid", request_method="POST", permission="edit", renderer="json")
def mark_paid(request):
    # expect: VC214 -- and any invoice by its id
    invoice = request.dbsession.get(Invoice, int(request.matchdict["id"]))
    invoice.status = "paid"
    return {"id": invoice.id, "status": invoice.status}


@view_config(route_name="search", renderer="json", permission="view")
def search(request):
    customer = request.params.get("customer", "")
    rows = request.dbsession.execute(
        # expect: VC402/VC422 -- query string formatted into SQL
        text("SELECT id, customer, amount FROM invoices WHERE customer LIKE '%" + customer + "%'")
    ).all()
    return [dict(r._mapping) for r in rows]


@view_config(route_name="search", renderer="json", permission="view", request_param="exact")
def search_exact(request):
    # ok: VC402/VC422 -- bound parameter
    rows = request.dbsession.execute(
        text("SELECT id, customer, amount FROM invoices WHERE customer = :c AND owner_id = :o"),
        {"c": request.params["exact"], "o": request.identity.id},
    ).all()
    return [dict(r._mapping) for r in rows]


@view_config(route_name="preview", permission="view")
def preview(request):
    body = request.params.get("template", "Invoice for ${customer}")
    try:
        # expect: VC412 -- client text compiled as a Mako template
        html = Template(body).render(customer=request.params.get("customer", ""))
    except Exception as exc:
        # expect: VC414 -- error text back to the client
        return Response(f"template error: {exc}", status=400)
    return Response(html)


@view_config(route_name="preview", permission="view", request_param="name")
def greet(request):
    # expect: VC411 -- query string into HTML unescaped
    return Response(f"<h1>Invoices for {request.params['name']}</h1>", content_type="text/html")
