from unittest import mock

from inventory import stock


def test_list_items_empty(client):
    resp = client.get("/api/items")
    assert resp.status_code == 200
    assert resp.get_json() == []


def test_create_item_requires_sku(client):
    resp = client.post("/api/items", json={"name": "No sku"})
    assert resp.status_code == 400


def test_reserve_conflict(client, widget):
    resp = client.post(f"/api/items/{widget['id']}/reserve", json={"quantity": 10})
    assert resp.status_code == 409
    assert "only 3 left" in resp.get_json()["error"]


# expect: VC303
def test_export_csv(client, widget):
    client.get("/api/items/export.csv")


def test_item_by_sku(client, widget):
    resp = client.get("/api/items/W-1")
    # expect: VC304/VC310
    assert resp


def test_delete_item(client, widget):
    try:
        resp = client.delete(f"/api/items/{widget['id']}")
        assert resp.status_code == 204
    # expect: VC305
    except Exception:
        pass


# expect: VC308
def test_restock_adds(mocker):
    restock = mocker.patch("inventory.stock.restock", return_value=8)
    stock.restock(3, 5)
    restock.assert_called_once_with(3, 5)


def test_low_stock_report():
    result = stock.low_stock([{"sku": "A", "quantity": 1}, {"sku": "B", "quantity": 9}])
    # expect: VC311
    if result:
        assert result == ["A"]


def test_reorder_quantity():
    qty = stock.reorder_quantity(20)
    # expect: VC304
    assert qty == qty
