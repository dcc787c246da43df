import pytest
from fastapi.testclient import TestClient

from tenants.main import app
from tenants.security import create_access_token


@pytest.fixture
def client():
    return TestClient(app)


@pytest.fixture
def auth_headers():
    return {"Authorization": f"Bearer {create_access_token('1', 1)}"}
