"""Corpus for VC507 sample-data-in-code: fake records from data-access functions versus real constants."""
from flask import jsonify


def get_users():
    # expect: VC507
    return [
        {"id": 1, "name": "John Doe", "email": "john@example.com"},
        {"id": 2, "name": "Jane Smith", "email": "jane@example.com"},
    ]


def fetch_user_profile(user_id):
    # In a real app this would query the database.
    # expect: VC507
    return {"id": user_id, "name": "Alice Johnson", "role": "admin"}


def load_customers():
    # expect: VC507
    customers = [
        {"id": 1, "name": "Customer", "address": "123 Main St, Anytown"},
    ]
    # ok: VC507 -- reported where the records are written
    return customers


def get_user_by_id(user_id):
    # expect: VC507
    users = [{"id": 1, "name": "Alice Smith"}, {"id": 2, "name": "Bob Jones"}]
    for user in users:
        if user["id"] == user_id:
            # ok: VC507
            return user
    return None


def list_products():
    # expect: VC507
    return jsonify([{"id": 1, "name": "Sample Product"}, {"id": 2, "name": "Sample Gadget"}])


async def find_contacts(query):
    # expect: VC507
    return [{"name": "Support", "phone": "(555) 123-4567"}]


class ArticleRepository:
    def get_articles(self):
        # expect: VC507
        return [{"id": 1, "title": "Welcome", "body": "Lorem ipsum dolor sit amet"}]


def query_orders(customer_id):
    orders = []
    # expect: VC507
    return [{"id": 1, "item": "Item 1"}, {"id": 2, "item": "Item 2"}, {"id": 3, "item": "Item 3"}]


def retrieve_account(account_id):
    # expect: VC507
    return {"account_id": account_id, "owner": "test.user@example.org", "balance": 1000}


def get_sample_users():
    # ok: VC507 -- the name says these are samples
    return [{"id": 1, "name": "John Doe"}]


def get_priorities():
    # ok: VC507 -- a real lookup table
    return [{"id": 1, "label": "Low"}, {"id": 2, "label": "Medium"}, {"id": 3, "label": "High"}]


def get_default_sender():
    # ok: VC507 -- not a record
    return "noreply@example.com"


def build_greeting(name):
    # ok: VC507 -- not a data-access function
    return {"greeting": "Hello John Doe"}


def get_user(session, user_id):
    # ok: VC507
    return session.get(User, user_id)


def load_settings(path):
    # ok: VC507 -- a real default
    return {"timeout": 30, "retries": 3}


def list_regions():
    # ok: VC507 -- real constants, not fake people
    return [{"code": "eu", "name": "Europe"}, {"code": "us", "name": "United States"}]


def fetch_status():
    # ok: VC507
    return {"status": "ok", "version": "1.2.3"}


def get_users_from_api(client):
    users = client.get("/users").json()
    # ok: VC507
    return users
