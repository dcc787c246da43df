"""What a test file refers to (`vibecheck.references`): the project rules' reading of tests, from `ast`."""

from __future__ import annotations

import ast
from typing import Any

from vibecheck.references import read_test_references


def references(source: str) -> dict[str, Any]:
    return read_test_references(ast.parse(source))


def test_dotted_references_resolve_through_the_imports() -> None:
    found = references('import unittest.mock as mock\n\n\n@mock.patch("shop.orders.refund")\ndef test_refund(refunder):\n'
                       '    assert refunder.called\n')
    assert {"unittest.mock.patch", "shop.orders.refund"} <= set(found["dotted"])
    assert "unittest.mock" in found["imports"]
    assert "refunder" in found["names"] and "called" in found["names"]
    assert "test_refund" not in found["names"] and "mock" not in found["names"] and "patch" not in found["names"]


def test_requests_to_routes_by_path_name_and_command() -> None:
    found = references('def test_views(client, order_id):\n'
                       '    client.get("/users/1?tab=2")\n'
                       '    client.get(f"/items/{order_id}")\n'
                       '    client.post(reverse("order-refund", args=[order_id]))\n'
                       '    client.get(url="/not/positional")\n'
                       '    call_command("rebuild_index")\n')
    assert found["client_calls"] == [["*", "command:rebuild_index"], ["GET", "/items/x"], ["GET", "/users/1"],
                                     ["POST", "name:order-refund"]]
    assert "/not/positional" in found["strings"] and "/users/1?tab=2" not in found["strings"]


def test_a_request_to_a_path_joined_with_plus_keeps_its_literal_parts() -> None:
    found = references('def test_decode(client, encoded, slug):\n'
                       '    client.get("/base64/" + encoded)\n'
                       '    client.post("/items/" + slug + "/tags")\n'
                       '    client.get(base_url + "/health")\n')
    assert found["client_calls"] == [["GET", "/base64/x"], ["POST", "/items/x/tags"]]


def test_an_import_in_a_function_counts_from_where_it_is_met() -> None:
    """As the rules' import table: `json` imported in the second test is only a name in the first one."""
    found = references('def test_a():\n    json.dumps(1)\n\n\ndef test_b():\n    import json\n    json.loads("1")\n')
    assert "json.loads" in found["dotted"] and "json.dumps" not in found["dotted"]
    assert "dumps" in found["names"]


def test_implicitly_concatenated_strings_are_read_as_the_one_string_python_makes() -> None:
    found = references('TARGET = (\n    "shop.orders."\n    "refund"\n)\n')
    assert found["dotted"] == ["shop.orders.refund"] and "refund" not in found["names"]


def test_keyword_exception_and_pattern_names_are_uses() -> None:
    found = references('try:\n    run(timeout=1)\nexcept ValueError as problem:\n    pass\n'
                       'match event:\n    case {"status": state, **rest}:\n        pass\n')
    assert {"timeout", "problem", "state", "rest", "run", "ValueError"} <= set(found["names"])


def test_each_attribute_of_a_chain_is_read_through_the_imports_or_as_a_name() -> None:
    """`shop.orders.refund.delay` through `import shop` names each prefix; a chain on a local object or a call names each
    attribute, and the walk goes on into the call."""
    found = references('import shop\n\n\ndef test_chains(client):\n    shop.orders.refund.delay()\n'
                       '    client.session.store.flush()\n    make_order(kind="gift").items.first()\n')
    assert {"shop.orders", "shop.orders.refund", "shop.orders.refund.delay"} <= set(found["dotted"])
    assert not {"orders", "refund", "delay"} & set(found["names"])
    assert {"client", "session", "store", "flush", "make_order", "kind", "items", "first"} <= set(found["names"])


def test_an_identifier_string_is_a_name_unless_it_is_a_route_name_or_part_of_an_f_string() -> None:
    found = references('@pytest.mark.parametrize("method", ["refund"])\ndef test_view(client, method, pk):\n'
                       '    client.get(reverse("order_detail"))\n    assert f"{pk}_archived"\n')
    assert {"method", "refund"} <= set(found["names"])
    assert not {"order_detail", "_archived"} & set(found["names"])
    assert found["client_calls"] == [["GET", "name:order_detail"]]
