"""The Streamlit screens. Each page module renders only; every action is one library call."""
