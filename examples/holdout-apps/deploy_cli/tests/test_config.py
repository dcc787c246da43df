from pathlib import Path

from shipit.config import load_inventory, load_values

INVENTORY = """
environments:
  prod:
    chart: charts/web
    hosts:
      - name: web-1
        address: 10.0.0.11
        services: [web, worker]
"""


def test_load_inventory(tmp_path: Path):
    path = tmp_path / "inventory.yaml"
    path.write_text(INVENTORY)
    envs = load_inventory(path)
    assert envs["prod"].namespace == "prod"
    assert envs["prod"].hosts[0].services == ["web", "worker"]


def test_load_values_empty(tmp_path: Path):
    path = tmp_path / "values.yaml"
    path.write_text("")
    assert load_values(path) == {}
