"""VC219 corpus: reads of personal data with no guard in an app whose other routes are guarded."""
import hmac

from fastapi import APIRouter, Depends, FastAPI, Request

from .auth import get_current_user, public

app = FastAPI()
admin = APIRouter(dependencies=[Depends(get_current_user)])
app.include_router(admin)


@app.post("/orders")
def create_order(order: dict, user=Depends(get_current_user)):
    return save(order, user)


# expect: VC219
@app.get("/orders")
def list_orders():
    return all_orders()


# expect: VC219
@app.get("/orders/{order_id}")
def read_order(order_id: int):
    return find_order(order_id)


# expect: VC219
@app.get("/customers/{customer_id}/invoices")
def customer_invoices(customer_id: int):
    return invoices_of(customer_id)


# expect: VC219
@app.get("/export")
def export_everything():
    return dump_database()


# expect: VC219
@app.get("/me")
def who_am_i():
    return current()


# expect: VC219
@app.get("/proxy")
def proxy(url: str):
    return fetch(url)


# expect: VC219
@app.get("/payments/latest")
def latest_payments():
    return payments()


# expect: VC219
@app.get("/api/emails")
def email_list():
    return emails()


# ok: VC219
@app.get("/orders/mine")
def my_orders(user=Depends(get_current_user)):
    return orders_of(user)


# ok: VC219
@app.get("/products")
def list_products():
    return products()


# ok: VC219
@app.get("/health")
def health():
    return {"ok": True}


# ok: VC219
@admin.get("/users")
def all_users():
    return users()


# ok: VC219
@app.get("/invoices/{invoice_id}", dependencies=[Depends(get_current_user)])
def read_invoice(invoice_id: int):
    return find_invoice(invoice_id)


# ok: VC219
@app.get("/docs/faq")
def faq():
    return faq_page()


# ok: VC219
@app.get("/profiles/{name}")
@public
def public_profile(name: str):
    return profile(name)


# ok: VC219 -- writes are VC201's
@app.delete("/orders/{order_id}")
def delete_order(order_id: int):
    return remove(order_id)


# ok: VC219 -- it returns only values written here: nobody's data can leak through it
@app.get("/reports/plans")
def report_plans():
    """The plans a report can be ordered on."""
    return [{"name": "free", "price": 0}, {"name": "team", "price": 2900, "seats": None}]


# expect: VC219 -- a constant beside data it reads
@app.get("/reports/summary")
def report_summary():
    return {"version": 1, "rows": all_orders()}


# expect: VC219 -- a team's members are people: their addresses and roles
@app.get("/teams/{team_id}/members")
def list_members(team_id: int):
    return [{"email": m.email, "role": m.role} for m in members_of(team_id)]


# ok: VC219 -- named public by its author: the documents it reads are the published ones
@app.get("/documents/public/{document_id}")
def public_document(document_id: int):
    return find_published(document_id)


# ok: VC219 -- the body refuses callers who are not admins (`PermissionError`, as GraphQL resolvers raise it)
@app.get("/reports/usage")
def usage_report(request: Request):
    caller = session_user(request)
    if caller is None or caller.role != "admin":
        raise PermissionError("admins only")
    return usage()


# expect: VC219 -- catching `PermissionError` around a file read checks no caller
@app.get("/reports/disk")
def disk_report():
    try:
        return read_report("disk")
    except PermissionError:
        return {"error": "unreadable"}


# ok: VC219 -- the link's token is checked against the stored one: only the holder of the link gets through
@app.get("/confirm/{user_id}/{token}")
def confirm_email(user_id: int, token: str):
    profile = find_profile(user_id)
    if profile.confirm_token != token:
        raise PermissionError("invalid link")
    return {"email": profile.email}


# ok: VC219 -- the same in constant time
@app.get("/confirm-safe/{user_id}/{token}")
def confirm_email_safely(user_id: int, token: str):
    profile = find_profile(user_id)
    if not hmac.compare_digest(profile.confirm_token, token):
        raise PermissionError("invalid link")
    return {"email": profile.email}


# ok: VC219 -- the invitation is found by the token the link carries
@app.get("/invites/{token}/email")
def invite_email(token: str):
    return {"email": find_invite(token=token).email}


# expect: VC219 -- a token checked only for being there checks nothing
@app.get("/emails/{user_id}/{token}")
def email_of(user_id: int, token: str):
    if token == "":
        return {"error": "missing token"}
    return {"email": find_profile(user_id).email}


# expect: VC219 -- where a device (and its owner) is, for anyone who asks
@app.get("/devices/{device_id}/location")
def device_location(device_id: int):
    return last_position(device_id)


# expect: VC219
@app.get("/directory")
def member_directory():
    return every_member_email()


# expect: VC219
@app.get("/bookings/{booking_id}")
def read_booking(booking_id: int):
    return find_booking(booking_id)


# ok: VC219
@app.get("/locations/mine")
def my_locations(user=Depends(get_current_user)):
    return locations_of(user)


# ok: VC219
@app.get("/devices/{device_id}/firmware")
def device_firmware(device_id: int):
    return firmware_version(device_id)


# ok: VC219
@app.get("/rooms/availability")
def room_availability():
    return free_slots()


# expect: VC219 -- a newsletter's list of addresses
@app.get("/subscribers")
def list_subscribers():
    return all_subscribers()


# expect: VC219
@app.get("/events/{event_id}/attendees")
def event_attendees(event_id: int):
    return attendees_of(event_id)


# expect: VC219 -- pending invitations: the addresses invited, and the links that let them in
@app.get("/orgs/{org_id}/invites")
def list_invites(org_id: int):
    return pending_invites(org_id)


# ok: VC219 -- the invitee follows the link before having an account: open by design
@app.get("/invitations/accept-invite/{key}")
def accept_invite(key: str):
    return {"email": find_invite(token=key).email}


# expect: VC219 -- the invitations already accepted are still the addresses of people
@app.get("/orgs/{org_id}/invites/accepted")
def accepted_invites(org_id: int):
    return pending_invites(org_id, accepted=True)


# ok: VC219
@app.get("/newsletters/{issue}")
def newsletter_issue(issue: int):
    return published_issue(issue)


# ok: VC219 -- the firmware images devices fetch without an account: a download of what the project publishes
@app.get("/firmware/{name}")
def download_firmware(name: str):
    return read_image(name)


# ok: VC219 -- a release's installer
@app.get("/releases/{version}/download")
def release_download(version: str):
    return installer_for(version)


# expect: VC219 -- the invoice of someone
@app.get("/invoices/{invoice_id}/download")
def download_invoice(invoice_id: int):
    return invoice_pdf(invoice_id)


# expect: VC219 -- a download that names no published artifact
@app.get("/download/{name}")
def download_file(name: str):
    return read_upload(name)


# expect: VC219 -- the firmware settings of a customer's devices, which name the customer
@app.get("/customers/{customer_id}/firmware/download")
def download_customer_firmware(customer_id: int):
    return firmware_of(customer_id)
