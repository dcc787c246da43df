from typing import Annotated

import braintree
import stripe
from fastapi import Depends, FastAPI

from .auth import get_current_user

app = FastAPI()
Me = Annotated[dict, Depends(get_current_user)]


@app.get("/invoices/{invoice_id}")
def get_invoice(invoice_id: str, me: Me):
    # expect: VC214 -- the platform's key reads any customer's invoice
    invoice = stripe.Invoice.retrieve(invoice_id)
    return {"id": invoice.id, "pdf": invoice.invoice_pdf}


@app.post("/subscriptions/{subscription_id}/cancel")
def cancel_subscription(subscription_id: str, me: Me):
    # expect: VC214
    stripe.Subscription.cancel(subscription_id)
    return {"cancelled": subscription_id}


@app.get("/transactions/{transaction_id}")
def get_transaction(transaction_id: str, me: Me):
    # expect: VC214
    return {"status": braintree.Transaction.find(transaction_id).status}


@app.get("/my-invoices/{invoice_id}")
def get_my_invoice(invoice_id: str, me: Me):
    invoice = stripe.Invoice.retrieve(invoice_id)
    # ok: VC214 -- the invoice's customer is compared with the caller's
    if invoice.customer != me["stripe_customer_id"]:
        return {"error": "not found"}
    return {"id": invoice.id}


@app.get("/invoices")
def list_invoices(me: Me):
    # ok: VC214 -- listed for the caller's own customer
    return [inv.id for inv in stripe.Invoice.list(customer=me["stripe_customer_id"])]


@app.get("/prices/{price_id}")
def get_price(price_id: str, me: Me):
    # ok: VC214 -- the public price list, searched by lookup key: no customer's object is fetched by id
    return [p.id for p in stripe.Price.list(lookup_keys=[price_id])]
