"""Free-form SQL console for the analysts."""

import traceback

import streamlit as st
from sqlalchemy import text

from explorer.data import engine, run_sql

st.title("SQL console")

SAVED = {
    "Revenue by country": "SELECT country, sum(amount) FROM orders JOIN customers ON customers.id = orders.customer_id GROUP BY 1",
    "Refund rate": "SELECT avg(refunded::int) FROM orders",
}

query = st.text_area("SQL", height=200, placeholder="SELECT ...")
if st.button("Run") and query:
    try:
        result = run_sql(query)
        st.dataframe(result)
    except Exception:
        # expect: VC414
        st.code(traceback.format_exc())

saved = st.selectbox("Saved query", list(SAVED))
if st.button("Run saved"):
    try:
        # ok: VC422/VC402
        st.dataframe(run_sql(SAVED[saved]))
    # ok: VC414/VC102
    except Exception:
        st.error("The saved query failed; the error was logged.")
        raise

country = st.text_input("Country code")
if country:
    with engine().connect() as conn:
        # expect: VC402/VC422
        rows = conn.execute(text("SELECT count(*) FROM customers WHERE country = '" + country.upper() + "'")).scalar()
        # ok: VC402/VC422
        rows_bound = conn.execute(text("SELECT count(*) FROM customers WHERE country = :c"), {"c": country.upper()}).scalar()
    st.metric("Customers", rows_bound)
