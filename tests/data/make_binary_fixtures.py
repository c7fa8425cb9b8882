"""Writes the fixtures that are not plain UTF-8 text. Run from the repo root:
``python tests/data/make_binary_fixtures.py``; the outputs are committed."""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent


def xlsx(path: Path, rows: list[list[object]]) -> None:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


# good: what Excel on a Chinese Windows saves
(HERE / "good/gb18030.csv").write_bytes(
    "指标编码,年份,数值,数据来源\r\nI07,2021,71.2,区生态环境分局\r\nI02,2021,19.9,区自然资源局\r\n".encode("gb18030")
)
(HERE / "good/excel-unicode-text.txt.csv").write_bytes(
    "指标编码\t年份\t数值\r\nI07\t2024\t74.0\r\nI02\t2024\t20.3\r\n".encode("utf-16")
)
xlsx(HERE / "good/title-rows.xlsx", [
    ["晋城市城区 2024 年生态指标填报表"],
    [],
    ["指标名称", "年份", "数值", "备注"],
    ["城市空气质量优良天数比例", 2024, "74.2%", None],
    ["森林覆盖率", 2024.0, 20.4, None],
    ["地表水劣V类水体比例", "2024", 0, "整数零"],
    ["城市黑臭水体比例", 2024, None, "未填"],
])

# bad
(HERE / "bad/bad-encoding.csv").write_bytes(b"indicator_code,year,value\nI07,2021,71.2\nI02,2021,\xff\xfe19.9\n")
(HERE / "bad/binary.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
(HERE / "bad/old-format.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
xlsx(HERE / "bad/formulas.xlsx", [["指标编码", "年份", "数值"], ["I07", 2021, 71.2], ["I02", 2021, "=B2*0.01"]])
good = (HERE / "good/title-rows.xlsx").read_bytes()
(HERE / "bad/corrupt.xlsx").write_bytes(good[: len(good) // 2])
