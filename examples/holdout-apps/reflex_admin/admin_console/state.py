"""Console state: login, order search, refunds, customer admin and exports."""

import subprocess

import bcrypt
import httpx
import reflex as rx
import sqlmodel
from sqlalchemy import text

from admin_console.models import AuditLog, Customer, Order, Staff
from admin_console.queries import SAVED_QUERIES, order_search_sql, order_search_stmt

EXPORTABLE = {"orders": "\"order\"", "customers": "customer"}


class AuthState(rx.State):
    username: str = ""
    logged_in: bool = False
    is_admin: bool = False
    _role: str = ""

    def login(self, form_data: dict):
        with rx.session() as session:
            staff = session.exec(sqlmodel.select(Staff).where(Staff.username == form_data["username"])).first()
        if staff is None or not staff.active:
            return rx.toast.error("Unknown user")
        if not bcrypt.checkpw(form_data["password"].encode(), staff.password_hash.encode()):
            return rx.toast.error("Wrong password")
        self.username = staff.username
        self.logged_in = True
        self._role = staff.role
        self.is_admin = staff.role == "admin"
        return rx.redirect("/orders")

    def logout(self):
        self.reset()
        return rx.redirect("/login")

    def require_login(self):
        if not self.logged_in:
            return rx.redirect("/login")

    def audit(self, action: str, detail: str = "") -> None:
        with rx.session() as session:
            session.add(AuditLog(actor=self.username, action=action, detail=detail))
            session.commit()


class OrdersState(AuthState):
    search_term: str = ""
    status_filter: str = "all"
    rows: list[dict] = []
    query_name: str = "refunds_this_week"

    def search(self):
        with rx.session() as session:
            # expect: VC402/VC417/VC422
            result = session.execute(text(order_search_sql(self.search_term, self.status_filter)))
            self.rows = [dict(r._mapping) for r in result]

    def search_safe(self):
        with rx.session() as session:
            # ok: VC422/VC402
            result = session.execute(order_search_stmt(self.search_term))
            self.rows = [dict(r._mapping) for r in result]

    def run_saved_query(self):
        sql = SAVED_QUERIES.get(self.query_name)
        if sql is None:
            return rx.toast.error("Unknown report")
        with rx.session() as session:
            # ok: VC422/VC402
            self.rows = [dict(r._mapping) for r in session.execute(text(sql))]

    # expect: VC218
    def refund(self, order_id: int):
        if not self.logged_in:
            return rx.redirect("/login")
        with rx.session() as session:
            order = session.get(Order, order_id)
            if order is None:
                return rx.toast.error("No such order")
            order.refunded_cents = order.total_cents
            order.status = "refunded"
            session.add(order)
            session.commit()
        self.audit("refund", f"order {order_id}")
        return rx.toast.success("Refunded")


class CustomersState(AuthState):
    customers: list[Customer] = []
    email_body: str = ""
    preview_html: str = ""
    export_table: str = "orders"

    def load(self):
        with rx.session() as session:
            self.customers = session.exec(sqlmodel.select(Customer).order_by(Customer.name)).all()

    def delete_customer(self, customer_id: int):
        # expect: VC207
        if not self.is_admin:
            return rx.toast.error("Admins only")
        with rx.session() as session:
            customer = session.get(Customer, customer_id)
            session.delete(customer)
            session.commit()
        self.audit("delete_customer", str(customer_id))
        return CustomersState.load

    def deactivate_staff(self, staff_id: int):
        # ok: VC207/VC218
        if self._role != "admin":
            return rx.toast.error("Admins only")
        with rx.session() as session:
            staff = session.get(Staff, staff_id)
            staff.active = False
            session.add(staff)
            session.commit()
        self.audit("deactivate_staff", str(staff_id))

    def preview(self):
        # expect: VC411
        self.preview_html = f"<div class='email'>{self.email_body}</div>"

    def export(self):
        if self._role not in ("lead", "admin"):
            return rx.toast.error("Leads only")
        # expect: VC421/VC408
        subprocess.run(f"pg_dump --data-only -t {self.export_table} shop > /tmp/export.sql", shell=True, check=True)
        return rx.download(url="/_upload/export.sql")

    def export_safe(self):
        table = EXPORTABLE.get(self.export_table)
        if table is None or self._role not in ("lead", "admin"):
            return rx.toast.error("Not allowed")
        # ok: VC421/VC408
        subprocess.run(["pg_dump", "--data-only", "-t", table, "-f", "/tmp/export.sql", "shop"], check=True)
        return rx.download(url="/_upload/export.sql")

    async def fetch_gravatar(self, avatar_url: str):
        async with httpx.AsyncClient(timeout=5) as client:
            # expect: VC405
            resp = await client.get(avatar_url)
        resp.raise_for_status()
        return rx.toast.info(f"{len(resp.content)} bytes")
