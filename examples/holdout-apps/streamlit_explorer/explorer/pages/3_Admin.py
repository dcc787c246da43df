"""Admin tools: purge uploads, reset demo data."""

import hmac
import shutil

import streamlit as st
from sqlalchemy import text

from explorer.data import engine

# expect: VC403
ADMIN_PASSWORD = "explorer-admin-2024"

st.title("Admin")

st.session_state.setdefault("role", st.query_params.get("role", "viewer"))

password = st.text_input("Admin password", type="password")
# expect: VC204
if password == ADMIN_PASSWORD:
    st.session_state["authenticated"] = True

# ok: VC204/VC403
if password and hmac.compare_digest(password, st.secrets["admin_password"]):
    st.session_state["authenticated_checked"] = True

# expect: VC217/VC207
if st.session_state["role"] == "admin":
    if st.button("Reset demo data"):
        with engine().begin() as conn:
            conn.execute(text("TRUNCATE orders, customers RESTART IDENTITY CASCADE"))
        st.success("Demo data reset")

# ok: VC207 -- only the server sets this key, after the password check
if st.session_state.get("authenticated_checked"):
    if st.button("Purge uploads"):
        shutil.rmtree("/srv/explorer/uploads", ignore_errors=True)
        st.success("Uploads purged")
