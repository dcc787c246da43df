import os

os.environ.setdefault("ORGSPACE_DATABASE_URL", "sqlite:///./test.db")
os.environ.setdefault("ORGSPACE_JWT_SECRET", "test-only-secret")

import pytest
from fastapi.testclient import TestClient

from orgspace.db import engine
from orgspace.main import app
from orgspace.models import Base
from orgspace.security import create_access_token


@pytest.fixture(autouse=True)
def schema():
    Base.metadata.create_all(engine)
    yield
    Base.metadata.drop_all(engine)


@pytest.fixture
def client():
    return TestClient(app)


@pytest.fixture
def auth_headers():
    return {"Authorization": f"Bearer {create_access_token(1)}"}
