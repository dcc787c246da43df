import html

import streamlit as st
import streamlit.components.v1 as components

name = st.text_input("Your name")
if name:
    # expect: VC411 -- a widget's value rendered as raw HTML
    st.markdown(f"<h4>Hello <em>{name}</em></h4>", unsafe_allow_html=True)
    # ok: VC411 -- escaped first
    st.markdown(f"<h4>Hello <em>{html.escape(name)}</em></h4>", unsafe_allow_html=True)
    # ok: VC411 -- Streamlit escapes markdown's HTML unless told not to
    st.markdown(f"#### Hello {name}")
    # ok: VC411 -- raw HTML switched off explicitly
    st.markdown(f"<b>{name}</b>", unsafe_allow_html=False)
    # expect: VC411
    st.sidebar.markdown("<i>" + name + "</i>", unsafe_allow_html=True)

notes = st.text_area("Notes (HTML allowed)")
# expect: VC411 -- a component's HTML runs in the page's iframe
components.html(f"<div class='notes'>{notes}</div>", height=200)
# expect: VC411
st.html(notes)
# ok: VC411 -- the app's own markup
components.html("<div id='chart'></div>", height=200)

shared = st.query_params.get("title", "")
# expect: VC411
st.write(f"<h1>{shared}</h1>", unsafe_allow_html=True)
rows = st.slider("Rows", 1, 100)
# ok: VC411 -- a number
st.markdown(f"<span class='badge'>{int(rows)} rows</span>", unsafe_allow_html=True)
