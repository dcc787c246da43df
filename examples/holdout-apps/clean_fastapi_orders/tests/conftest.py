"""An in-memory SQLite database per test and a client signed in as a fresh user."""

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("ORDERS_DATABASE_URL", "sqlite+pysqlite:///:memory:")
# ok: VC403/VC203 -- throwaway values for the test process only
os.environ.setdefault("ORDERS_JWT_SECRET", "test-only-jwt-secret-0123456789abcdef")
# ok: VC403/VC203
os.environ.setdefault("ORDERS_WEBHOOK_SECRET", "test-only-webhook-secret")
# ok: VC403/VC203
os.environ.setdefault("ORDERS_SHIPPING_API_KEY", "test-only-shipping-key")

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402
from sqlalchemy.pool import StaticPool  # noqa: E402

from orders.config import get_settings  # noqa: E402
from orders.db import Base, User, get_db  # noqa: E402
from orders.main import create_app  # noqa: E402
from orders.security import create_access_token, hash_password  # noqa: E402


@pytest.fixture()
def session_factory() -> Iterator[sessionmaker[Session]]:
    engine = create_engine("sqlite+pysqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
    Base.metadata.create_all(engine)
    yield sessionmaker(bind=engine, expire_on_commit=False)
    engine.dispose()


@pytest.fixture()
def app(session_factory: sessionmaker[Session]):
    application = create_app()

    def override_db() -> Iterator[Session]:
        with session_factory() as session:
            yield session

    application.dependency_overrides[get_db] = override_db
    return application


def make_user(session_factory: sessionmaker[Session], email: str, *, admin: bool = False) -> User:
    with session_factory() as session:
        # ok: VC403/VC410
        user = User(email=email, password_hash=hash_password("correct horse battery"), is_admin=admin)
        session.add(user)
        session.commit()
        return user


def client_for(app, user: User) -> TestClient:
    token = create_access_token(user.id, get_settings())
    return TestClient(app, headers={"Authorization": f"Bearer {token}"})


@pytest.fixture()
def alice(session_factory: sessionmaker[Session]) -> User:
    return make_user(session_factory, "alice@example.com")


@pytest.fixture()
def bob(session_factory: sessionmaker[Session]) -> User:
    return make_user(session_factory, "bob@example.com")


@pytest.fixture()
def alice_client(app, alice: User) -> TestClient:
    return client_for(app, alice)


@pytest.fixture()
def bob_client(app, bob: User) -> TestClient:
    return client_for(app, bob)
