"""factcheck's UI: `streamlit run app.py [-- --index DIR]`. Renders only; the library decides."""

import streamlit as st

from factcheck.ui import batch_page, review_page, search_page, sources_page

st.set_page_config(page_title="factcheck", page_icon="🔎", layout="wide")
st.navigation([
    st.Page(search_page.render, title="Search", url_path="search", default=True),
    st.Page(review_page.render, title="Review", url_path="review"),
    st.Page(batch_page.render, title="Batch", url_path="batch"),
    st.Page(sources_page.render, title="Sources", url_path="sources"),
]).run()
