from datetime import datetime

import reflex as rx
import sqlmodel


class Staff(rx.Model, table=True):
    username: str = sqlmodel.Field(unique=True)
    password_hash: str
    role: str = "support"  # "support" | "lead" | "admin"
    active: bool = True


class Customer(rx.Model, table=True):
    email: str
    name: str
    phone: str = ""
    notes: str = ""


class Order(rx.Model, table=True):
    customer_id: int = sqlmodel.Field(foreign_key="customer.id")
    total_cents: int
    status: str = "paid"
    created_at: datetime = sqlmodel.Field(default_factory=datetime.utcnow)
    refunded_cents: int = 0


class AuditLog(rx.Model, table=True):
    actor: str
    action: str
    detail: str = ""
    at: datetime = sqlmodel.Field(default_factory=datetime.utcnow)
