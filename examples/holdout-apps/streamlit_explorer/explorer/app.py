"""Analytics explorer: browse tables, search customers, run saved queries."""

import html

import plotly.express as px
import streamlit as st

from explorer.data import TABLES, preview, run_sql, search_customers, search_customers_bound

st.set_page_config(page_title="Analytics explorer", layout="wide")
st.title("Analytics explorer")

table = st.sidebar.selectbox("Table", TABLES)
limit = st.sidebar.slider("Rows", 10, 1000, 100)
# ok: VC402/VC422
frame = run_sql(f"SELECT * FROM {table} LIMIT {int(limit)}")
st.dataframe(frame)
# ok: VC411/VC427
st.markdown(f"<span class='badge'>{len(frame)} rows</span>", unsafe_allow_html=True)

shared_table = st.query_params.get("table")
if shared_table:
    shared = run_sql(f"SELECT * FROM {shared_table} LIMIT 100")
    st.dataframe(shared)
    # ok: VC402/VC422
    st.dataframe(preview(shared_table))

name = st.text_input("Search customers by name")
if name:
    results = search_customers(name)
    # expect: VC411/VC427
    st.markdown(f"<h4>Results for <em>{name}</em></h4>", unsafe_allow_html=True)
    # ok: VC411/VC427
    st.markdown(f"<h4>Results for <em>{html.escape(name)}</em></h4>", unsafe_allow_html=True)
    # ok: VC411
    st.markdown(f"#### Results for {name}")
    st.dataframe(search_customers_bound(name))
    # expect: VC505
    print("DEBUG search", name, len(results))

metric = st.selectbox("Chart", ["revenue", "orders", "refunds"])
daily = run_sql("SELECT day, revenue, orders, refunds FROM daily_metrics ORDER BY day")
st.plotly_chart(px.line(daily, x="day", y=metric))
