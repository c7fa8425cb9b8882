"""Issue 14, parts 5–6: towns and streets as data, and a city's worth of history (set-based revert, streamed
XLSX that re-imports, an upload page that validates a file once)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from shanhe import auth
from shanhe.auth import AuthError, User
from shanhe.catalog import Region, load_catalog
from shanhe.entry import importer
from shanhe.entry.revert import revert_batch, revert_steps
from shanhe.errors import UserError
from shanhe.models import Observation
from shanhe.regions import add_region, ranking
from shanhe.store import Store
from tests.apptest import dashboard
from tests.conftest import ROOT, Cli, log_in


@pytest.fixture
def store(any_store: Store) -> Store:
    """The tests here that take ``store`` run on DuckDB and on PostgreSQL."""
    return any_store


ADMIN = User(name="王主任", role="admin")
PASSWORD = "correct horse 9"


def test_regions_add_and_list_on_the_command_line(cli: Cli) -> None:
    cli.init()
    code, out, err = cli("regions", "add", "北石店镇", "--parent", "全区", "--user", "王主任")
    assert (code, err) == (0, "") and "已添加地区“北石店镇”（镇，上级：全区）" in out
    assert cli("regions", "add", "西街街道")[0] == 0  # the parent defaults to the district, the level to the name
    code, out, _ = cli("regions", "list", "--format", "json")
    listed = json.loads(out)
    assert [(r["name"], r["level"], r["parent"]) for r in listed] == [
        ("全区", "区", None),
        ("北石店镇", "镇", "全区"),
        ("西街街道", "街道", "全区"),
    ]
    assert "北石店镇" in cli("regions", "list")[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("北石店镇",), "地区“北石店镇”已存在"),
        (("钟家庄", "--parent", "全区"), "无法从名称“钟家庄”判断层级"),
        (("金村镇", "--parent", "不存在区"), "上级地区“不存在区”不存在"),
        (("  ",), "地区名称“”无效"),
    ],
)
def test_regions_add_refuses_with_a_reason(cli: Cli, args: tuple[str, ...], message: str) -> None:
    cli.init()
    assert cli("regions", "add", "北石店镇")[0] == 0
    before = cli("regions", "list", "--format", "json")[1]
    code, _, err = cli("regions", "add", *args)
    assert code == 1 and message in err
    assert cli("regions", "list", "--format", "json")[1] == before


def test_only_an_admin_adds_a_region(store: Store) -> None:
    with pytest.raises(AuthError):
        add_region(store, "北石店镇", "全区", User(name="张工", role="staff"))
    assert store.regions() == ["全区"]


def test_a_new_town_imports_once_added_and_an_unknown_one_is_refused_naming_how_to_add_it(
    cli: Cli, tmp_path: Path
) -> None:
    cli.init()
    csv = tmp_path / "town.csv"
    csv.write_text("指标编码,地区,年份,数值\nI07,全区,2023,70\nI07,北石店镇,2023,72.5\n", encoding="utf-8")
    code, _, err = cli("import", csv, "--user", "张工")
    assert code == 1
    assert '地区"北石店镇"不在数据库的地区中（现有：全区）' in err
    assert "python -m shanhe regions add 北石店镇 --parent 全区" in err
    assert "“地区管理”页" in err
    assert cli("regions", "add", "北石店镇")[0] == 0
    code, _, err = cli("import", csv, "--user", "张工")
    assert code == 0, err
    with Store.open(cli.db) as store:
        assert {(o.region, o.value) for o in store.current_observations()} == {("全区", 70.0), ("北石店镇", 72.5)}


def test_the_district_is_the_plans_default_region_not_the_first_one() -> None:
    plan = load_catalog().plan
    reordered = (Region(name="北石店镇", source="测试", level="镇", parent="全区"), *plan.regions)
    moved = type(plan).model_validate({**plan.model_dump(), "regions": [r.model_dump() for r in reordered]})
    assert moved.default_region == "全区" and moved.region_names[0] == "北石店镇"
    with pytest.raises(ValueError, match="default_region 东城区"):
        type(plan).model_validate({**plan.model_dump(), "default_region": "东城区"})


def _obs(region: str, year: int, value: float) -> Observation:
    return Observation(indicator_code="I07", region=region, year=year, value=value)


def test_the_ranking_holds_only_the_chosen_regions_children() -> None:
    tree = [
        Region(name="全区", source="规划", level="区"),
        Region(name="北石店镇", source="t", level="镇", parent="全区"),
        Region(name="西街街道", source="t", level="街道", parent="全区"),
        Region(name="某村", source="t", level="村", parent="北石店镇"),
    ]
    mine = [_obs("全区", 2024, 70), _obs("北石店镇", 2024, 72), _obs("西街街道", 2024, 68), _obs("某村", 2024, 90)]
    mine.append(_obs("北石店镇", 2023, 1))  # another year
    district = ranking(tree, mine, "全区", 2024)
    assert district.rows == [("北石店镇", 72), ("西街街道", 68)]  # not the district itself, not a grandchild
    assert not district.own_missing
    assert ranking(tree, mine, "北石店镇", 2024).rows == [("某村", 90)]
    assert ranking(tree, mine, "西街街道", 2024).rows == []
    towns_only = ranking(tree, [o for o in mine if o.region != "全区"], "全区", 2024)
    assert towns_only.own_missing and towns_only.rows == [("北石店镇", 72), ("西街街道", 68)]


def test_the_indicator_page_says_when_towns_have_figures_and_the_district_has_none(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for town in ("北石店镇", "西街街道"):
        add_region(store, town, "全区", ADMIN)
    rows = [_obs("北石店镇", 2024, 72), _obs("西街街道", 2024, 68), _obs("全区", 2023, 69)]
    store.record_batch(rows, kind="import", user="t", file_name=None, sha256=None, counts=(3, 0, 0))
    monkeypatch.setenv("SHANHE_DB", store.url)
    at = dashboard()
    at.query_params.update({"code": "I07", "year": "2024"})
    at.run()
    at.switch_page("pages/indicator_page.py").run()
    assert not at.exception
    assert any("“全区”本身尚无2024年数值：不由镇/街道数值汇总或推算" in w.value for w in at.warning)
    charts = at.get("plotly_chart")
    assert len(charts) == 2  # the progress chart, then the ranking
    ranked = str(json.loads(charts[1].proto.spec)["data"])
    assert "北石店镇" in ranked and "西街街道" in ranked and "全区" not in ranked


@contextmanager
def counted_queries(store: Store) -> Iterator[list[str]]:
    """Every statement the store sends while inside (the real database answers them)."""
    sent: list[str] = []
    real = store._db.cursor

    @contextmanager
    def cursor() -> Iterator[object]:
        with real() as cur:

            class Counting:
                def __getattr__(self, name: str) -> object:
                    return getattr(cur, name)

                def execute(self, sql: str, params: object = ()) -> object:
                    sent.append(sql)
                    return cur.execute(sql, params)

            yield Counting()

    store._db.cursor = cursor  # type: ignore[method-assign]
    try:
        yield sent
    finally:
        store._db.cursor = real  # type: ignore[method-assign]


def _batch(store: Store, years: range, value: float, user: str = "张工") -> int:
    rows = [_obs("全区", y, value) for y in years]
    return store.record_batch(rows, kind="import", user=user, file_name=None, sha256=None, counts=(len(rows), 0, 0)).id


def test_revert_reads_a_batch_with_one_query_whatever_its_size(store: Store) -> None:
    small, large = _batch(store, range(2020, 2022), 60), _batch(store, range(2020, 2036), 61)
    with counted_queries(store) as sent:
        revert_steps(store, small)
    with counted_queries(store) as more:
        steps = revert_steps(store, large)
    assert len(sent) == len(more) == 1
    assert [(s.written.year, s.restored.value) for s in steps[:3]] == [(2020, 60), (2021, 60), (2022, None)]
    assert all(s.newer is None for s in steps)
    with counted_queries(store) as writing_large:
        revert_batch(store, large, ADMIN)  # 2020–2021 back to 60, 2022–2035 retracted
    assert {o.year: o.value for o in store.current_observations()} == {2020: 60, 2021: 60}
    tiny = _batch(store, range(2030, 2032), 62)
    with counted_queries(store) as writing_tiny:
        revert_batch(store, tiny, ADMIN)
    assert len(writing_tiny) == len(writing_large)  # the same statements for 2 values as for 16
    assert {o.year: o.value for o in store.current_observations()} == {2020: 60, 2021: 60}


def test_revert_names_values_a_later_batch_changed(store: Store) -> None:
    first = _batch(store, range(2020, 2023), 60)
    _batch(store, range(2021, 2022), 62, user="李工")
    steps = revert_steps(store, first)
    assert [(s.written.year, s.newer.batch_id if s.newer else None) for s in steps] == [
        (2020, None),
        (2021, 2),
        (2022, None),
    ]
    with pytest.raises(UserError) as err:
        revert_batch(store, first, ADMIN)
    assert "I07 全区 2021（#2）" in err.value.message("zh")


@pytest.mark.parametrize("what", ["current", "all"])
def test_an_xlsx_export_with_towns_imports_again_with_no_changes(cli: Cli, tmp_path: Path, what: str) -> None:
    cli.init()
    cli("regions", "add", "北石店镇")
    csv = tmp_path / "in.csv"
    csv.write_text(
        "指标编码,地区,年份,数值,数据来源,备注\nI07,全区,2023,70,统计公报,=1+1\nI07,北石店镇,2023,72.5,,\n",
        encoding="utf-8",
    )
    assert cli("import", csv, "--user", "张工")[0] == 0
    out = tmp_path / "export.xlsx"
    code, printed, _ = cli("export", "--format", "xlsx", "--what", what, "--out", out)
    assert code == 0 and "超过导入上限" not in printed
    code, printed, err = cli("import", out, "--user", "张工", "--dry-run")
    assert code == 0, err
    assert "新增 0 条、修改 0 条、不变 2 条" in printed
    again = tmp_path / "again.xlsx"
    cli("export", "--format", "xlsx", "--what", what, "--out", again)
    assert again.read_bytes() == out.read_bytes()  # deterministic: no timestamps inside


def test_upload_page_validates_a_file_once_across_clicks(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    cli.init()
    with Store.open(cli.db) as store:
        auth.add_user(store, "张工", "staff", PASSWORD)
    cli("import", ROOT / "tests" / "data" / "good" / "plain-utf8.csv")  # I07 2021 = 71.2
    monkeypatch.setenv("SHANHE_DB", str(cli.db))
    calls: list[str] = []
    real = importer.plan_import

    def counting(*args: object, **kwargs: object) -> importer.ImportPlan:
        calls.append(str(args[2]))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "plan_import", counting)
    at = log_in("张工", PASSWORD)
    at.switch_page("pages/upload_page.py").run()
    rows = "".join(f"S01,{y},{50 + y - 2020}\n" for y in range(2020, 2026))
    at.get("file_uploader")[0].upload("j.csv", f"指标编码,年份,数值\nI07,2022,30\n{rows}".encode(), "text/csv")
    at.run()
    assert calls == ["j.csv"]
    at.checkbox(key="jumps_checked").check().run()  # a click: the page reruns
    at.run()
    assert calls == ["j.csv"] and not at.exception
    assert not at.button(key="confirm_upload").disabled
    at.button(key="confirm_upload").click().run()
    assert any("导入成功" in s.value for s in at.success)


def test_the_upload_preview_is_drawn_a_page_at_a_time(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    cli.init()
    with Store.open(cli.db) as store:
        auth.add_user(store, "张工", "staff", PASSWORD)
        for n in range(3):
            add_region(store, f"测试{n}镇", "全区", ADMIN)
    monkeypatch.setenv("SHANHE_DB", str(cli.db))
    monkeypatch.setenv("SHANHE_TODAY", "2035-12-31")
    regions = ["全区", *(f"测试{n}镇" for n in range(3))]
    body = "".join(f"I07,{r},{y},{60 + (y - 2020) * 0.5}\n" for r in regions for y in range(2020, 2036))  # 64 rows
    body += "".join(f"I02,{r},{y},{20 + (y - 2020) * 0.1}\n" for r in regions for y in range(2020, 2036))
    body += "".join(f"I03,{r},{y},{30 + (y - 2020) * 0.1}\n" for r in regions for y in range(2020, 2036))
    body += "".join(f"I04,{r},{y},{1 + (y - 2020) * 0.01}\n" for r in regions for y in range(2020, 2036))
    at = log_in("张工", PASSWORD)
    at.switch_page("pages/upload_page.py").run()
    at.get("file_uploader")[0].upload("many.csv", f"指标编码,地区,年份,数值\n{body}".encode(), "text/csv")
    at.run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 200
    assert any("显示第 1–200 行，共 256 行" in c.value for c in at.caption)
    at.number_input[0].set_value(2).run()
    assert len(at.dataframe[0].value) == 56


def test_the_regions_page_is_for_admins_and_adds_a_town(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    cli.init()
    with Store.open(cli.db) as store:
        auth.add_user(store, "张工", "staff", PASSWORD)
        auth.add_user(store, "王主任", "admin", PASSWORD)
    monkeypatch.setenv("SHANHE_DB", str(cli.db))

    with pytest.raises(ValueError, match="Could not find a navigation page"):
        log_in("张工", PASSWORD).switch_page("pages/regions_page.py")
    at = log_in("王主任", PASSWORD)
    at.switch_page("pages/regions_page.py").run()
    assert list(at.dataframe[0].value["地区"]) == ["全区"]
    at.text_input(key="region_name").input("北石店镇")
    at.button[0].click().run()
    assert not at.exception and any("已添加地区“北石店镇”（镇，上级：全区）" in s.value for s in at.success)
    assert list(at.dataframe[0].value["地区"]) == ["全区", "北石店镇"]
    at.text_input(key="region_name").input("北石店镇")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["地区“北石店镇”已存在。"]
