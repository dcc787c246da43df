"""MongoDB collections and queries."""
import os

from pymongo import MongoClient

client = MongoClient(os.environ.get("MONGO_URL", "mongodb://localhost:27017"))
users = client.shop.users
orders = client.shop.orders


def find_user(username, password):
    # sink: CWE-943
    return users.find_one({"username": username, "password": password})


def find_by_email(email):
    # safe: CWE-943
    return users.find_one({"email": email})


def create_user(username, email, password):
    # sink: CWE-256
    users.insert_one({"username": username, "email": email, "password": password})


def orders_for(customer, status_filter):
    query = {"customer": customer}
    query.update(status_filter)
    # sink: CWE-943
    return list(orders.find(query))
