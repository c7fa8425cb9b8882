"""Shanhe (山河): the indicator dashboard for 城政发〔2023〕3号.

The core never imports streamlit; Streamlit glue lives in ``shanhe.ui``.
"""

__version__ = "0.1.0"
