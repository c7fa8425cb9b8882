"""Issue 12, item 18: text that staff typed is shown as plain text on every page, never as Markdown.

The payload carries an image beacon, a link and coloured text. Each page that shows user
text is opened under real Streamlit; the payload may appear in tables and plain-text
elements, and never in a Markdown-rendering element (markdown, caption, title, alerts).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from shanhe import auth
from shanhe.auth import User
from shanhe.entry.milestones import add_milestone, update_milestone
from shanhe.entry.targets import enter_document_target
from shanhe.store import Store
from tests.apptest import dashboard
from tests.conftest import log_in, run_cli, template_copy

PAYLOAD = "![t](http://example.invalid/x.png) [点此下载](http://example.invalid) :red[**数据已作废**]"
PIECES = ("![t](", "[点此下载]", ":red[", "**数据已作废**")
MARKUP = ("markdown", "caption", "title", "header", "subheader", "success", "info", "warning", "error")
PASSWORD = "correct horse 9"
STAFF = User(name="张工", role="staff")


def _build(db: Path) -> None:
    """A store where every kind of text staff type carries the payload."""
    upload = db.with_name("payload.csv")
    upload.write_text(
        f'indicator_code,year,value,source,note\nI07,2022,72.5,"{PAYLOAD}","{PAYLOAD}"\n'
        f'I08,2022,38,"{PAYLOAD}","{PAYLOAD}"\n',
        encoding="utf-8",
    )
    run_cli(db, ("init",), ("import", upload, "--user", "张工"))
    with Store.open(db) as store:
        auth.add_user(store, "张工", "staff", PASSWORD)
        i08 = next(i for i in store.indicators() if i.code == "I08")
        enter_document_target(store, i08, 2025, 37.0, PAYLOAD, dt.date(2023, 6, 1), STAFF)
        update_milestone(store, "P05-M1", "in_progress", None, PAYLOAD, None, STAFF)
        add_milestone(store, "P05", PAYLOAD, dt.date(2025, 12, 31), STAFF)


@pytest.fixture
def db(db_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    template_copy(db_path, tmp_path_factory, ("plain-text",), _build)
    monkeypatch.setenv("SHANHE_DB", str(db_path))
    return db_path


def _shown(at: AppTest) -> tuple[list[str], list[str]]:
    """(texts of Markdown-rendering elements, texts of plain elements and table cells)."""
    markup = [str(e.value) for kind in MARKUP for e in getattr(at, kind)]
    plain = [str(e.value) for e in at.text]
    plain += [str(v) for frame in at.dataframe for v in frame.value.astype(str).to_numpy().ravel()]
    return markup, plain


def _assert_plain(at: AppTest, must_show: bool = True) -> None:
    assert not at.exception, at.exception
    markup, plain = _shown(at)
    offending = [m for m in markup if any(p in m for p in PIECES)]
    assert offending == []
    if must_show:
        assert any(PAYLOAD in p for p in plain)


def _app(**params: str) -> AppTest:
    at = dashboard()
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize(
    ("page", "params", "must_show"),
    [
        ("indicator", {"code": "I07", "year": "2022"}, True),  # source, note
        ("indicator", {"code": "I08", "year": "2022"}, True),  # the assigned target's 文号
        ("projects", {"project": "P05"}, True),  # milestone note and a staff milestone's title
        ("overview", {}, False),
        ("themes", {}, False),
        ("report", {}, False),
        ("about", {}, False),
    ],
)
def test_public_pages_show_user_text_plainly(db: Path, page: str, params: dict[str, str], must_show: bool) -> None:
    at = _app(**params)
    if page != "overview":
        at.switch_page(f"pages/{page}_page.py").run()
    _assert_plain(at, must_show)


def _staff() -> AppTest:
    return log_in("张工", PASSWORD, _app())


@pytest.mark.parametrize("page", ["history", "assigned", "milestones"])
def test_data_entry_pages_show_user_text_plainly(db: Path, page: str) -> None:
    at = _staff()
    at.switch_page(f"pages/{page}_page.py").run()
    if page == "milestones":
        at.selectbox(key="ms_project").set_value("P05").run()
    _assert_plain(at)


def test_the_upload_preview_shows_user_text_plainly(db: Path) -> None:
    at = _staff()
    at.switch_page("pages/upload_page.py").run()
    data = f'indicator_code,year,value,source,note\nI02,2022,20.1,"{PAYLOAD}","{PAYLOAD}"\n'.encode()
    at.get("file_uploader")[0].upload("p.csv", data, "text/csv")
    at.run()
    _assert_plain(at)


def test_a_refused_evidence_link_is_not_echoed_as_markdown(db: Path) -> None:
    at = _staff()
    at.switch_page("pages/milestones_page.py").run()
    at.selectbox(key="ms_project").set_value("P05").run()
    at.text_input(key="ms_link").input(PAYLOAD)
    at.button[0].click().run()
    assert at.error, "the bad link is refused"
    _assert_plain(at, must_show=False)
