"""VC401 corpus: `system=` and `instructions=` name other things in a module that imports no model SDK (a FHIR
coding's code system, a payment's or a form's instructions), even when the value came from a method named like a
retriever's (`stripe.Customer.retrieve`), a handler table or a parameter named `documents`."""
import stripe
from fhir.resources.coding import Coding

from .forms import PaymentForm

HANDLERS = {"refund": lambda payload: payload["reason"]}


def coding_of(documents):
    # ok: VC401 -- FHIR's code system, not a model's system prompt
    return Coding(system=documents[0]["system"], code=documents[0]["code"])


def handle(event, payload):
    note = HANDLERS[event](payload)
    # ok: VC401 -- a form's instructions
    return PaymentForm(instructions=note)


def charge_note(customer_id):
    customer = stripe.Customer.retrieve(customer_id)
    # ok: VC401 -- a Stripe object, and an invoice's instructions
    return stripe.Invoice.create(customer=customer_id, description="Monthly", instructions=customer.metadata["note"])
