"""GraphQL schema: queries and mutations for customers and staff."""
import logging
from typing import Optional

import httpx
import strawberry
from sqlalchemy import select, text
from strawberry.scalars import JSON
from strawberry.types import Info

from .auth import IsAuthenticated, IsOrderOwner, IsStaff, create_token, hash_password, verify_password
from .config import ALLOWED_IMAGE_HOSTS
from .db import Order, User, get_session

logger = logging.getLogger(__name__)


@strawberry.type
class OrderType:
    id: strawberry.ID
    status: str
    total_cents: int
    shipping_address: str


@strawberry.type
class UserType:
    id: strawberry.ID
    email: str
    role: str
    display_name: str


@strawberry.type
class AuthPayload:
    token: str
    user: UserType


def _order(o: Order) -> OrderType:
    return OrderType(id=strawberry.ID(str(o.id)), status=o.status, total_cents=o.total_cents,
                     shipping_address=o.shipping_address)


def _user(u: User) -> UserType:
    return UserType(id=strawberry.ID(str(u.id)), email=u.email, role=u.role, display_name=u.display_name)


@strawberry.type
class Query:
    @strawberry.field(permission_classes=[IsAuthenticated])
    def my_orders(self, info: Info) -> list[OrderType]:
        user = info.context["user"]
        with get_session() as session:
            # ok: VC214 -- scoped to the signed-in user
            rows = session.scalars(select(Order).where(Order.owner_id == int(user["sub"]))).all()
        return [_order(o) for o in rows]

    @strawberry.field(permission_classes=[IsAuthenticated, IsOrderOwner])
    def order(self, info: Info, id: strawberry.ID) -> Optional[OrderType]:
        with get_session() as session:
            # ok: VC214 -- corrected: scoped by IsOrderOwner, whose always-true body is VC212's finding
            order = session.get(Order, int(id))
        return _order(order) if order else None

    @strawberry.field(permission_classes=[IsAuthenticated])
    def order_checked(self, info: Info, id: strawberry.ID) -> Optional[OrderType]:
        user = info.context["user"]
        with get_session() as session:
            # ok: VC214 -- id and owner
            order = session.scalar(select(Order).where(Order.id == int(id), Order.owner_id == int(user["sub"])))
        return _order(order) if order else None

    @strawberry.field(permission_classes=[IsStaff])
    def search_orders(self, info: Info, status: str, sort: str = "created_at") -> list[OrderType]:
        with get_session() as session:
            # expect: VC402/VC422 -- GraphQL arguments formatted into SQL
            rows = session.execute(text(f"SELECT * FROM orders WHERE status = '{status}' ORDER BY {sort}")).all()
        return [OrderType(id=strawberry.ID(str(r.id)), status=r.status, total_cents=r.total_cents,
                          shipping_address=r.shipping_address) for r in rows]

    @strawberry.field(permission_classes=[IsStaff])
    def orders_by_status(self, info: Info, status: str) -> list[OrderType]:
        with get_session() as session:
            # ok: VC402/VC422 -- bound parameter
            rows = session.execute(text("SELECT * FROM orders WHERE status = :status"), {"status": status}).all()
        return [OrderType(id=strawberry.ID(str(r.id)), status=r.status, total_cents=r.total_cents,
                          shipping_address=r.shipping_address) for r in rows]

    # expect: VC219 -- any visitor reads any customer's profile
    @strawberry.field
    def user(self, info: Info, id: strawberry.ID) -> Optional[UserType]:
        with get_session() as session:
            found = session.get(User, int(id))
        return _user(found) if found else None


@strawberry.type
class Mutation:
    @strawberry.mutation
    def sign_up(self, email: str, password: str, role: str = "customer") -> AuthPayload:
        with get_session() as session:
            # expect: VC217 -- role from the sign-up arguments
            user = User(email=email, password_hash=hash_password(password), role=role)
            session.add(user)
            session.commit()
            return AuthPayload(token=create_token(user.id, user.role), user=_user(user))

    @strawberry.mutation
    def sign_in(self, email: str, password: str) -> Optional[AuthPayload]:
        with get_session() as session:
            user = session.scalar(select(User).where(User.email == email))
        if user is None or not verify_password(password, user.password_hash):
            return None
        return AuthPayload(token=create_token(user.id, user.role), user=_user(user))

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def update_profile(self, info: Info, changes: JSON) -> UserType:
        me = info.context["user"]
        with get_session() as session:
            user = session.get(User, int(me["sub"]))
            for key, value in changes.items():
                # expect: VC215 -- any column from the client's JSON, role included
                setattr(user, key, value)
            session.commit()
            return _user(user)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def set_avatar(self, info: Info, url: str) -> UserType:
        me = info.context["user"]
        # expect: VC405 -- the server fetches any URL the client names
        resp = httpx.get(url, timeout=10)
        resp.raise_for_status()
        with get_session() as session:
            user = session.get(User, int(me["sub"]))
            user.avatar_url = url
            session.commit()
            return _user(user)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def set_avatar_checked(self, info: Info, url: str) -> UserType:
        me = info.context["user"]
        host = httpx.URL(url).host
        if host not in ALLOWED_IMAGE_HOSTS:
            raise ValueError("image host not allowed")
        # ok: VC405 -- host checked against an allowlist
        resp = httpx.get(url, timeout=10)
        resp.raise_for_status()
        with get_session() as session:
            user = session.get(User, int(me["sub"]))
            user.avatar_url = url
            session.commit()
            return _user(user)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def cancel_order(self, info: Info, id: strawberry.ID) -> bool:
        with get_session() as session:
            # expect: VC214 -- cancels anyone's order
            order = session.get(Order, int(id))
            if order is None:
                return False
            order.status = "cancelled"
            session.commit()
        return True

    # expect: VC218 -- any signed-in customer can refund
    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def refund_order(self, info: Info, id: strawberry.ID) -> bool:
        with get_session() as session:
            # expect: VC214 -- and any order by its id
            order = session.get(Order, int(id))
            order.status = "refunded"
            session.commit()
        return True

    # ok: VC218/VC201 -- staff only
    @strawberry.mutation(permission_classes=[IsStaff])
    def ship_order(self, info: Info, id: strawberry.ID) -> bool:
        with get_session() as session:
            order = session.get(Order, int(id))
            order.status = "shipped"
            session.commit()
        return True

    # expect: VC201 -- deletes an account, no permission class at all
    @strawberry.mutation
    def delete_user(self, info: Info, id: strawberry.ID) -> bool:
        with get_session() as session:
            user = session.get(User, int(id))
            if user:
                session.delete(user)
                session.commit()
        return True

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def place_order(self, info: Info, total_cents: int, shipping_address: str) -> Optional[OrderType]:
        me = info.context["user"]
        try:
            with get_session() as session:
                order = Order(owner_id=int(me["sub"]), total_cents=total_cents, shipping_address=shipping_address)
                session.add(order)
                session.commit()
                return _order(order)
        # expect: VC101/VC103 -- failure reported as "no order", error dropped
        except Exception:
            return None


schema = strawberry.Schema(query=Query, mutation=Mutation)
