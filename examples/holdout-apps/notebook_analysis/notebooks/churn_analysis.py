# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#   kernelspec:
#     display_name: Python 3
#     name: python3
# ---

# %% [markdown]
# # Churn analysis, Q2
# Pull the Q2 cohort from the warehouse, join product usage from the events API, fit a quick model.

# %%
import json
import os
import pickle
import subprocess

import joblib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import requests
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sqlalchemy import create_engine, text

import nb_helpers

# %%
# expect: VC403
DB_URL = "postgresql://analyst:Qu4rterly!Churn@warehouse.internal:5432/analytics"
# expect: VC403
EVENTS_API_KEY = "evk_4b1e9f2c7d8a4e6f90b3c5d7e1f2a4b6"
# ok: VC403
AWS_PROFILE = os.environ.get("AWS_PROFILE", "analytics")
COHORT = "2024-04"
REGION = "emea"

engine = create_engine(DB_URL)
# ok: VC403
engine_env = create_engine(os.environ["WAREHOUSE_URL"])

# %%
# ok: VC402/VC422 -- the notebook's own constants, no one else sets them
customers = pd.read_sql(f"SELECT * FROM analytics.customers WHERE region = '{REGION}' AND cohort = '{COHORT}'", engine)
# ok: VC505
print(customers.shape)
customers.head()

# %%
cohort = nb_helpers.load_cohort(engine, COHORT)
cohort_bound = nb_helpers.load_cohort_bound(engine_env, COHORT)
# ok: VC402/VC422
orders = pd.read_sql(text("SELECT * FROM analytics.orders WHERE region = :region"), engine, params={"region": REGION})

# %%
# expect: VC404/VC106
usage_resp = requests.get(
    "https://events.internal.example.com/v1/usage",
    params={"cohort": COHORT},
    headers={"Authorization": f"Bearer {EVENTS_API_KEY}"},
    verify=False,
)
# expect: VC107
usage = pd.DataFrame(usage_resp.json()["rows"])

# %%
# ok: VC404/VC106/VC107
usage_resp2 = requests.get(
    "https://events.internal.example.com/v1/usage",
    params={"cohort": COHORT},
    headers={"Authorization": f"Bearer {os.environ['EVENTS_API_KEY']}"},
    verify="/etc/ssl/certs/internal-ca.pem",
    timeout=60,
)
usage_resp2.raise_for_status()

# %%
# Features computed by Priya's notebook, shared on the team drive.
with open("/mnt/team-share/churn/features_q2.pkl", "rb") as fh:
    # expect: VC406
    features = pickle.load(fh)
# expect: VC406
segments = pd.read_pickle("s3://acme-analytics-share/segments/latest.pkl")
# ok: VC406
segments_pq = pd.read_parquet("s3://acme-analytics-share/segments/latest.parquet")

# %%
with open("config.yaml") as fh:
    # ok: VC406 -- the notebook's own config file beside it, which VC406 documents as trusted
    config = yaml.load(fh, Loader=yaml.FullLoader)
with open("config.yaml") as fh:
    # ok: VC406
    config_safe = yaml.safe_load(fh)

# %%
data = nb_helpers.clean(customers.merge(usage, on="customer_id", how="left"))
for col in ["sessions_30d", "tickets_90d"]:
    try:
        data[col] = data[col].astype(float)
    # expect: VC111/VC101
    except:
        pass

# %%
X = data[["tenure_days", "sessions_30d", "tickets_90d"]].fillna(0)
y = data["churned"].astype(int)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
model = LogisticRegression(max_iter=500).fit(X_train, y_train)
# ok: VC505
print("test accuracy", model.score(X_test, y_test))
# expect: VC505
print("DEBUG X_train dtypes", X_train.dtypes, json.dumps(config))

# %%
fig, ax = plt.subplots(figsize=(8, 4))
ax.hist(model.predict_proba(X_test)[:, 1], bins=30)
ax.set_title("Predicted churn probability")
plt.show()

# %%
joblib.dump(model, "churn_model.joblib")
# ok: VC406
model_again = joblib.load("churn_model.joblib")
out_path = f"s3://acme-analytics-share/churn/{COHORT}/scores.csv"
pd.DataFrame({"customer_id": data.loc[X_test.index, "customer_id"], "p": model.predict_proba(X_test)[:, 1]}).to_csv(out_path)
# expect: VC108
subprocess.run(["aws", "s3", "cp", "churn_model.joblib", f"s3://acme-analytics-share/churn/{COHORT}/", "--profile", AWS_PROFILE])
# ok: VC108
subprocess.run(["aws", "s3", "ls", f"s3://acme-analytics-share/churn/{COHORT}/"], check=True)
