"""Upload a dataset (CSV or a pickled frame from a notebook) or import one from a URL."""

import io
import os
import pickle
import subprocess
import uuid
from pathlib import Path

import pandas as pd
import requests
import streamlit as st
import streamlit.components.v1 as components

UPLOAD_DIR = "/srv/explorer/uploads"

st.title("Upload a dataset")

uploaded = st.file_uploader("Dataset", type=["csv", "pkl"])
if uploaded is not None:
    if uploaded.name.endswith(".pkl"):
        # expect: VC406
        frame = pickle.load(uploaded)
    else:
        # ok: VC406
        frame = pd.read_csv(uploaded)
    st.dataframe(frame.head(50))

    # expect: VC405
    with open(os.path.join(UPLOAD_DIR, uploaded.name), "wb") as fh:
        fh.write(uploaded.getvalue())
    # ok: VC405
    stored = Path(UPLOAD_DIR) / f"{uuid.uuid4().hex}{Path(uploaded.name).suffix.lower()}"
    stored.write_bytes(uploaded.getvalue())

    # expect: VC421/VC408, VC108
    subprocess.run(f"csvstat {UPLOAD_DIR}/{uploaded.name} > /tmp/stats.txt", shell=True)
    # ok: VC421/VC408
    subprocess.run(["csvstat", str(stored)], check=True, capture_output=True)

url = st.text_input("Or import a CSV from a URL")
if url:
    # expect: VC405/VC106
    resp = requests.get(url)
    resp.raise_for_status()
    st.dataframe(pd.read_csv(io.StringIO(resp.text)).head(50))

formula = st.text_input("Derived column (python expression over df)")
if formula and uploaded is not None:
    # expect: VC413
    frame["derived"] = eval(formula, {"df": frame, "pd": pd})
    st.dataframe(frame.head(50))

notes = st.text_area("Notes (HTML allowed)")
if notes:
    # expect: VC411/VC427
    components.html(f"<div class='notes'>{notes}</div>", height=200)
