"""Issue 12: a few hundred mutated CSV and XLSX files through ``import --dry-run``.

A seeded generator mutates the good fixtures (bytes of CSV files; the XML parts inside
XLSX files, re-zipped so the damage reaches the parsers, and sometimes the zip itself).
Every file must end with exit 0 or 1, never a traceback or "内部错误", within a bounded
time and memory, and the store must be unchanged. The files run through the CLI's own
``main`` in one worker process (300 interpreter start-ups would take minutes); the worker
resets the kernel's peak-RSS counter before each file, so memory is measured per file.
A few files also go through a real ``python -m shanhe import --dry-run`` to show the two agree.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from shanhe.store import Store
from tests.conftest import DATA, ROOT, Cli

SEED = 20261128
FILES = 300
MAX_SECONDS = 10.0
MAX_PEAK_MB = 600  # whole worker process, after each file (its baseline is ~150 MB)

WORKER = r"""
import contextlib, io, json, sys, time
from pathlib import Path
from shanhe.cli import main

def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

db = sys.argv[1]
for path in sys.argv[2:]:
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")  # reset the peak resident size: what follows is this file's peak
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", db, "import", "--dry-run", path])
    print(json.dumps({"file": path, "code": code, "seconds": time.perf_counter() - start, "peak_mb": peak_mb(),
                      "err": err.getvalue()[-2000:]}), flush=True)
"""

NASTY = [
    b'"',
    b",",
    b"\n",
    b"\r",
    b"\x00",
    b"\xff",
    b"\xb7",
    b"\t",
    b"'",
    b"=",
    b"%",
    b"1e308",
    b"-0",
    b"NaN",
    b"\xe4\xb8",
    b"\x0b",
    b"9" * 400,
    b"," * 80,
    b'"' * 3,
    "\u3000".encode(),
    b"\xef\xbb\xbf",
]
XML_NASTY = [
    b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
    b'r="ZZZZZ2"',
    b'r="XFD1048576"',
    b't="s"',
    b"<v>99999</v>",
    b"<v>1e400</v>",
    b't="d"',
    b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>',
    b"&lt;",
    b"</c>",
    b'numFmtId="9"',
    b's="1"',
    b"<",
    b">",
    b"\xff",
    b'count="-1"',
    b'state="hidden"',
]


def _mutate(data: bytes, rng: random.Random, extra: list[bytes]) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(6)
        at = rng.randrange(len(data) + 1)
        if kind == 0 and data:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif kind == 1:
            data[at:at] = rng.choice(NASTY + extra)
        elif kind == 2:
            data[at : at + rng.randint(1, 40)] = b""
        elif kind == 3:
            line = bytes(data[at : at + rng.randint(5, 60)])
            data[at:at] = line * rng.randint(2, 200)
        elif kind == 4:
            data = data[: max(1, at)]
        else:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(data)


def _mutate_xlsx(data: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.2:  # damage the zip itself
        return _mutate(data, rng, [])
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    target = rng.choice([n for n in names if n.endswith(".xml")])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            part = src.read(name)
            dst.writestr(name, _mutate(part, rng, XML_NASTY) if name == target else part)
    return out.getvalue()


def _corpus(folder: Path) -> list[Path]:
    rng = random.Random(SEED)
    csvs = sorted((DATA / "good").glob("*.csv"))
    books = sorted((DATA / "good").glob("*.xlsx"))
    files = []
    for n in range(FILES):  # half CSV, half XLSX
        seed = csvs[n // 2 % len(csvs)] if n % 2 == 0 else books[n // 2 % len(books)]
        data = seed.read_bytes()
        mutated = _mutate_xlsx(data, rng) if seed.suffix == ".xlsx" else _mutate(data, rng, [])
        path = folder / f"{n:03d}-{seed.stem}{seed.suffix}"
        path.write_bytes(mutated)
        files.append(path)
    return files


def _snapshot(db: Path) -> tuple[dict[str, int], list[object]]:
    with Store.open(db) as store:
        return store.table_counts(), store.observation_history()


@pytest.mark.slow
def test_mutated_files_never_crash_and_stay_bounded(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    assert cli("import", DATA / "good" / "plain-utf8.csv")[0] == 0
    before = _snapshot(cli.db)
    folder = tmp_path / "fuzz"
    folder.mkdir()
    files = _corpus(folder)
    assert sum(p.suffix == ".xlsx" for p in files) >= 100 and sum(p.suffix == ".csv" for p in files) >= 100
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(cli.db), *map(str, files)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and len(results) == FILES, done.stderr[-3000:]
    bad = [
        r
        for r in results
        if r["code"] not in (0, 1)
        or "Traceback" in r["err"]
        or "内部错误" in r["err"]
        or r["seconds"] > MAX_SECONDS
        or r["peak_mb"] > MAX_PEAK_MB
    ]
    assert bad == []
    codes = {r["code"] for r in results}
    assert codes == {0, 1}  # the mutations are varied enough to produce both outcomes
    slowest = max(results, key=lambda r: r["seconds"])
    heaviest = max(results, key=lambda r: r["peak_mb"])
    print(
        f"\nfuzz: {FILES} files, exit 0: {sum(r['code'] == 0 for r in results)}, slowest "
        f"{slowest['seconds']:.2f} s ({Path(slowest['file']).name}), peak RSS {heaviest['peak_mb']:.0f} MB "
        f"({Path(heaviest['file']).name})"
    )
    assert _snapshot(cli.db) == before
    # the real command agrees with the in-process one on a sample
    for r in results[:: FILES // 5]:
        real = subprocess.run(
            [sys.executable, "-m", "shanhe", "--db", str(cli.db), "import", "--dry-run", r["file"]],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert real.returncode == r["code"] and "Traceback" not in real.stderr
    assert _snapshot(cli.db) == before
