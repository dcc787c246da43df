"""Pages, the app object and two JSON endpoints for the warehouse scripts."""

import bcrypt
import reflex as rx
import sqlmodel
from fastapi import Request

from admin_console.models import Customer, Staff
from admin_console.state import AuthState, CustomersState, OrdersState

# expect: VC403
BOOTSTRAP_ADMIN_PASSWORD = "ChangeMe!123"


def login_page() -> rx.Component:
    return rx.center(
        rx.form(
            rx.vstack(
                rx.heading("Support console"),
                rx.input(name="username", placeholder="Username"),
                rx.input(name="password", type="password", placeholder="Password"),
                rx.button("Sign in", type="submit"),
            ),
            on_submit=AuthState.login,
        )
    )


def order_row(row: dict) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["id"]),
        rx.table.cell(row["email"]),
        rx.table.cell(row["total_cents"]),
        rx.table.cell(row["status"]),
        rx.table.cell(rx.button("Refund", on_click=OrdersState.refund(row["id"]))),
    )


def orders_page() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.input(value=OrdersState.search_term, on_change=OrdersState.set_search_term),
            rx.select(["all", "paid", "refunded"], value=OrdersState.status_filter,
                      on_change=OrdersState.set_status_filter),
            rx.button("Search", on_click=OrdersState.search),
        ),
        rx.table.root(rx.table.body(rx.foreach(OrdersState.rows, order_row))),
    )


def customers_page() -> rx.Component:
    return rx.vstack(
        rx.foreach(
            CustomersState.customers,
            lambda c: rx.hstack(
                rx.text(c.name),
                rx.text(c.email),
                rx.cond(
                    CustomersState.is_admin,
                    rx.button("Delete", on_click=CustomersState.delete_customer(c.id)),
                ),
            ),
        ),
        rx.text_area(value=CustomersState.email_body, on_change=CustomersState.set_email_body),
        rx.button("Preview", on_click=CustomersState.preview),
        rx.html(CustomersState.preview_html),
        rx.select(["orders", "customers"], value=CustomersState.export_table,
                  on_change=CustomersState.set_export_table),
        rx.button("Export", on_click=CustomersState.export_safe),
    )


# expect: VC219
async def api_customers() -> list[dict]:
    with rx.session() as session:
        rows = session.exec(sqlmodel.select(Customer)).all()
    return [{"id": c.id, "email": c.email, "name": c.name, "phone": c.phone} for c in rows]


# expect: VC201
async def api_reset_password(request: Request) -> dict:
    body = await request.json()
    with rx.session() as session:
        staff = session.exec(sqlmodel.select(Staff).where(Staff.username == body["username"])).first()
        if staff is None:
            return {"ok": False}
        staff.password_hash = bcrypt.hashpw(body["password"].encode(), bcrypt.gensalt()).decode()
        session.add(staff)
        session.commit()
    return {"ok": True}


def bootstrap_admin() -> None:
    with rx.session() as session:
        if session.exec(sqlmodel.select(Staff).where(Staff.username == "admin")).first() is None:
            hashed = bcrypt.hashpw(BOOTSTRAP_ADMIN_PASSWORD.encode(), bcrypt.gensalt()).decode()
            session.add(Staff(username="admin", password_hash=hashed, role="admin"))
            session.commit()


app = rx.App()
app.add_page(login_page, route="/login")
app.add_page(orders_page, route="/orders", on_load=AuthState.require_login)
app.add_page(customers_page, route="/customers", on_load=[AuthState.require_login, CustomersState.load])
app.api.add_api_route("/api/customers", api_customers, methods=["GET"])
app.api.add_api_route("/api/staff/reset-password", api_reset_password, methods=["POST"])
app.register_lifespan_task(bootstrap_admin)
