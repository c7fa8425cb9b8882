"""Streamlit glue shared by pages: the only part of shanhe that imports streamlit."""
