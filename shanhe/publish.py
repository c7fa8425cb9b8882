"""Write the static edition atomically: a complete new folder, then one rename of a symlink.

``OUT`` is a symbolic link to ``OUT.editions/<content hash>``; a reader (nginx) always sees either the
whole old edition or the whole new one, never a half-written mix. The same content gives the same
folder name, so publishing an unchanged store changes nothing. Two older editions are kept. Publishers
take turns (a lock file beside the editions): the server's republisher, the CLI and a second server may
publish at the same moment, and one must not prune or rename what another is building.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel

from shanhe.edition import build, edition_version, read
from shanhe.errors import UserError
from shanhe.logs import event
from shanhe.store import Store

KEEP = 2
#: How long a publish waits for another one to finish (a full build takes a few seconds).
TURN_SECONDS = 120.0


class Published(BaseModel):
    path: Path
    version: str
    files: int
    bytes: int
    seconds: float
    changed: bool


def published_version(out: Path) -> str | None:
    """The data version of the edition ``out`` points to, if any."""
    try:
        return (out / "version.txt").read_text(encoding="utf-8").strip()
    except OSError:
        return None


def publish(store: Store, out: Path, *, public: bool = False) -> Published:
    """Build every page from ``store`` and switch ``out`` to it in one step."""
    start = time.perf_counter()
    if out.is_dir() and not out.is_symlink() and any(out.iterdir()):
        raise UserError("publish.not_an_edition", path=out)
    files = build(read(store), public=public)
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    editions = out.parent / f"{out.name}.editions"
    target = editions / digest.hexdigest()[:16]
    with publishing_turn(editions):
        changed = _switch(out, editions, target, files)
    return Published(
        path=target,
        version=edition_version(store),
        files=len(files),
        bytes=sum(len(d) for d in files.values()),
        seconds=time.perf_counter() - start,
        changed=changed,
    )


@contextmanager
def publishing_turn(editions: Path) -> Iterator[None]:
    """Hold the publish lock of ``editions`` (waiting at most TURN_SECONDS for another publisher)."""
    editions.mkdir(parents=True, exist_ok=True)
    with (editions / ".lock").open("a") as fh:
        deadline = time.monotonic() + TURN_SECONDS
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise UserError("publish.busy", path=editions) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _switch(out: Path, editions: Path, target: Path, files: dict[str, bytes]) -> bool:
    """Write ``target`` if it is new, point ``out`` at it, prune; whether ``out`` changed."""
    if out.is_dir() and not out.is_symlink():
        out.rmdir()  # an empty folder where the link goes (checked before the build)
    changed = not (out.is_symlink() and out.resolve() == target.resolve())
    if not target.exists():
        building = editions / f".{target.name}.{os.getpid()}.tmp"
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir()
        for name, data in files.items():
            (building / name).write_bytes(data)
        building.rename(target)
    if changed:
        link = out.parent / f".{out.name}.{os.getpid()}.link"
        link.unlink(missing_ok=True)
        link.symlink_to(Path(editions.name) / target.name)
        os.replace(link, out)  # the switch: atomic on POSIX
    _prune(editions, keep={target.name})
    return changed


def _prune(editions: Path, keep: set[str]) -> None:
    """Drop editions beyond the newest KEEP others (and leftovers of interrupted builds)."""
    for leftover in editions.glob(".*.tmp"):
        shutil.rmtree(leftover, ignore_errors=True)
    others = sorted(
        (p for p in editions.iterdir() if p.is_dir() and p.name not in keep and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in others[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)


class Republisher:
    """Keeps the static edition current from inside the dashboard server (which holds the DuckDB file).

    ``request()`` after every committed write wakes a background thread that republishes; the same thread
    also wakes every ``interval`` seconds and republishes if the published edition is not the store's data
    version (the safety net for a write it was not told about). One publish at a time; requests that arrive
    during a publish cause one more.
    """

    def __init__(self, store: Store, out: Path, interval: float, *, public: bool = False) -> None:
        self.store, self.out, self.interval, self.public = store, out, interval, public
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._thread = threading.Thread(target=self._run, name="shanhe-publish", daemon=True)
        self._thread.start()

    def request(self) -> None:
        self._idle.clear()
        self._wake.set()

    def wait_idle(self, timeout: float) -> bool:
        """Tests and shutdown: wait until no publish is pending."""
        return self._idle.wait(timeout)

    def _run(self) -> None:
        while True:
            try:
                if published_version(self.out) != edition_version(self.store):
                    done = publish(self.store, self.out, public=self.public)
                    event("publish", version=done.version, files=done.files, seconds=f"{done.seconds:.2f}")
            except Exception as exc:  # never let the publisher die: the next wake-up tries again
                event("publish_failed", error=f"{type(exc).__name__}: {exc}")
            if not self._wake.is_set():
                self._idle.set()
            self._wake.wait(timeout=self.interval)
            self._wake.clear()
