"""Streamlit dashboard: chat with the warehouse, upload saved analyses, preview charts."""

import logging
import pickle
import sqlite3

import pandas as pd
import requests
import streamlit as st
import streamlit.components.v1 as components

from .llm import ask_claude, ask_gpt, strip_fences
from .warehouse import SCHEMA_HINT

logger = logging.getLogger(__name__)

st.set_page_config(page_title="Ask the warehouse", layout="wide")
st.title("Ask the warehouse")

conn = sqlite3.connect("warehouse.db", check_same_thread=False)

api_key = st.sidebar.text_input("Your OpenAI key (optional)", type="password")
if api_key:
    # expect: VC407/VC409
    logger.info("user supplied their own key: %s", api_key)

question = st.chat_input("Ask something about orders")
if question:
    st.chat_message("user").write(question)
    raw = ask_claude(f"{SCHEMA_HINT}\nAnswer with one SQLite SELECT for: {question}")
    query = strip_fences(raw)
    cursor = conn.cursor()
    # expect: VC401/VC417
    rows = cursor.execute(query).fetchall()
    st.dataframe(pd.DataFrame(rows))
    explanation = ask_gpt(f"Explain these results as HTML with a <table>: {rows[:20]}")
    # expect: VC401/VC417
    st.markdown(explanation, unsafe_allow_html=True)
    # ok: VC401
    st.markdown(explanation)

customer = st.text_input("Customer name")
if customer:
    # expect: VC402/VC422
    df = pd.read_sql(f"SELECT * FROM customers WHERE name LIKE '%{customer}%'", conn)
    st.dataframe(df)
    # ok: VC402
    df2 = pd.read_sql("SELECT * FROM customers WHERE name LIKE ?", conn, params=(f"%{customer}%",))
    st.dataframe(df2)

uploaded = st.file_uploader("Load a saved analysis (.pkl)")
if uploaded is not None:
    # expect: VC406
    analysis = pickle.load(uploaded)
    st.write(analysis)

chart_prompt = st.text_area("Describe a chart")
if st.button("Draw") and chart_prompt:
    html = ask_claude(f"Return a self-contained HTML page with a Chart.js chart of: {chart_prompt}")
    # expect: VC401/VC417
    components.html(html, height=600)
    code = strip_fences(ask_gpt(f"Write matplotlib code for: {chart_prompt}. Use the dataframe `df`."))
    with st.expander("Generated code"):
        st.code(code)
    if st.checkbox("Run it"):
        scope = {"df": pd.read_sql("SELECT * FROM orders", conn), "st": st}
        # expect: VC401/VC417
        exec(code, scope)

url = st.text_input("Import a CSV from URL")
if url:
    # expect: VC106, VC405
    resp = requests.get(url)
    # expect: VC107
    st.dataframe(pd.read_csv(pd.io.common.StringIO(resp.text)))
