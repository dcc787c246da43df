import numpy as np
import pandas as pd
import pytest


@pytest.fixture
def churn_df():
    rng = np.random.default_rng(0)
    n = 200
    tenure = rng.integers(1, 72, n)
    tickets = rng.poisson(1.5, n)
    return pd.DataFrame(
        {
            "customer_id": [f"c{i}" for i in range(n)],
            "tenure_months": tenure,
            "monthly_charges": rng.uniform(20, 120, n).round(2),
            "total_charges": (tenure * rng.uniform(20, 120, n)).round(2).astype(str),
            "support_tickets": tickets,
            "contract": rng.choice(["month", "one_year", "two_year"], n),
            "payment_method": rng.choice(["card", "bank", "check"], n),
            "internet_service": rng.choice(["dsl", "fiber", "none"], n),
            "churned": ((tickets > 2) | (tenure < 6)).astype(int),
        }
    )
