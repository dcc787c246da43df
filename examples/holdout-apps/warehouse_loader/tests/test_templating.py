from unittest.mock import MagicMock

import pytest
from jinja2 import UndefinedError

from loader import templating


def test_render_model_fills_variables():
    sql = templating.render_model("daily_revenue", run_date="2024-05-01", source_schema="raw")
    assert "raw.orders" in sql
    assert "'2024-05-01'" in sql


def test_render_model_requires_variables():
    with pytest.raises(UndefinedError):
        templating.render_model("daily_revenue", run_date="2024-05-01")


def test_run_model_with_params_passes_date():
    cursor = MagicMock()
    templating.run_model_with_params(cursor, "daily_revenue", "2024-05-01")
    sql, params = cursor.execute.call_args.args
    assert params == {"run_date": "2024-05-01"}
    assert "%(run_date)s" in sql


def test_render_inline():
    out = templating.render_inline("select {{ x }}", x=1)
    # expect: VC310
    assert out
