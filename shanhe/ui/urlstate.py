"""A view's state in the URL: read once into session state, validated, written back every run.

A copied URL therefore reopens the same view. An invalid value falls back to the
default with a gentle notice, never an exception.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import streamlit as st

from shanhe.i18n import Lang, t

T = TypeVar("T")
_NOTICES = "_url_notices"


def _notice(key: str, raw: str) -> None:
    st.session_state.setdefault(_NOTICES, []).append((key, raw))


def choice(
    key: str, options: Sequence[T], default: T, *, param: str | None = None, to_text: Callable[[T], str] = str
) -> None:
    """Seed the widget state ``key`` from ``?param=`` (default: the key) the first time this view renders.

    Pages that share a parameter name (``year``) use their own keys, so one page's widget
    never inherits another's state.
    """
    if key in st.session_state:
        return
    param = param or key
    raw = st.query_params.get(param)
    by_text = {to_text(o): o for o in options}
    if raw is not None and raw not in by_text:
        _notice(param, raw)
    st.session_state[key] = by_text.get(raw, default) if raw is not None else default


def choices(key: str, options: Sequence[T], to_text: Callable[[T], str] = str) -> None:
    """Like ``choice`` for a multi-select: ``?key=a&key=b``; unknown entries are dropped with a notice."""
    if key in st.session_state:
        return
    by_text = {to_text(o): o for o in options}
    raws = st.query_params.get_all(key)
    bad = [r for r in raws if r not in by_text]
    if bad:
        _notice(key, ",".join(bad))
    st.session_state[key] = [by_text[r] for r in raws if r in by_text]


def write(values: dict[str, tuple[object, object]], to_text: Callable[[object], str] = str) -> None:
    """Put each ``key: (value, default)`` into the URL; a default value leaves the URL clean."""
    for key, (value, default) in values.items():
        if value == default or value in (None, []):
            if key in st.query_params:
                del st.query_params[key]
        elif isinstance(value, list):
            st.query_params[key] = [to_text(v) for v in value]
        else:
            st.query_params[key] = to_text(value)


def show_notices(lang: Lang) -> None:
    """Tell the user, once, which link parameters were ignored."""
    for key, raw in st.session_state.pop(_NOTICES, []):
        st.info(t("url.invalid", lang, param=key, value=raw))
