"""Orders are private to their owner; sorting and lookups never leak or inject."""

import pytest
from fastapi.testclient import TestClient


def create(client: TestClient, total: str = "19.99", note: str | None = None) -> dict:
    response = client.post("/orders", json={"total": total, "note": note})
    assert response.status_code == 201, response.text
    return response.json()


def test_owner_reads_own_order(alice_client: TestClient) -> None:
    order = create(alice_client, note="gift wrap")
    response = alice_client.get(f"/orders/{order['id']}")
    assert response.status_code == 200
    assert response.json()["note"] == "gift wrap"


def test_other_user_gets_404(alice_client: TestClient, bob_client: TestClient) -> None:
    order = create(alice_client)
    assert bob_client.get(f"/orders/{order['id']}").status_code == 404
    assert bob_client.patch(f"/orders/{order['id']}", json={"note": "mine now"}).status_code == 404
    assert bob_client.delete(f"/orders/{order['id']}").status_code == 404


def test_anonymous_is_rejected(app) -> None:
    response = TestClient(app).get("/orders")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("field", ["owner_id", "status", "id"])
def test_protected_fields_are_refused(alice_client: TestClient, field: str) -> None:
    response = alice_client.post("/orders", json={"total": "5.00", field: 1})
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("sort", "descending", "expected"),
    [("total", False, ["1.00", "2.00", "3.00"]), ("total", True, ["3.00", "2.00", "1.00"])],
)
def test_sorting(alice_client: TestClient, sort: str, descending: bool, expected: list[str]) -> None:
    for total in ("2.00", "3.00", "1.00"):
        create(alice_client, total)
    response = alice_client.get("/orders", params={"sort": sort, "descending": descending})
    assert [order["total"] for order in response.json()] == expected


def test_unknown_sort_column_is_refused(alice_client: TestClient) -> None:
    response = alice_client.get("/orders", params={"sort": "id; DROP TABLE orders"})
    assert response.status_code == 422


def test_lookup_leaves_out_other_owners(alice_client: TestClient, bob_client: TestClient) -> None:
    mine = create(alice_client)
    theirs = create(bob_client)
    response = alice_client.get("/orders/lookup", params={"ids": [mine["id"], theirs["id"]]})
    assert [order["id"] for order in response.json()] == [mine["id"]]


def test_status_change_needs_admin(alice_client: TestClient) -> None:
    order = create(alice_client)
    response = alice_client.post(f"/orders/{order['id']}/status", json={"status": "paid"})
    assert response.status_code == 403
