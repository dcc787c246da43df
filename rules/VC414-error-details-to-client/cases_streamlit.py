import logging
import traceback

import pandas as pd
import streamlit as st

log = logging.getLogger(__name__)

query = st.text_area("SQL")
if st.button("Run") and query:
    try:
        st.dataframe(pd.read_sql(query, "sqlite:///warehouse.db"))
    except Exception:
        # expect: VC414 -- the visitor reads the server's traceback
        st.code(traceback.format_exc())

path = st.text_input("CSV path")
if path:
    try:
        frame = pd.read_csv(path)
    except OSError as exc:
        # expect: VC414
        st.error(f"Could not read the file: {exc}")
        frame = None
    except ValueError as exc:
        # ok: VC414 -- a message about what the visitor typed
        st.error(f"Not a CSV file: {exc}")
        frame = None
    except Exception as exc:
        # expect: VC414
        st.exception(exc)
        frame = None

if st.sidebar.button("Reload"):
    try:
        st.cache_data.clear()
    except Exception as exc:
        log.exception("reload failed")
        # ok: VC414 -- logged; the visitor gets a generic message
        st.sidebar.error("Reload failed; the error was logged.")
        # expect: VC414
        st.sidebar.write(repr(exc))
