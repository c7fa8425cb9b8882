"""Debian's nginx with the project's site config (deploy/nginx/shanhe.conf), on a free 127.0.0.1 port."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT
from tests.server import free_port

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


@contextmanager
def nginx(app_url: str | Sequence[str], folder: Path, static: Path | None = None) -> Iterator[str]:
    """Proxy to the Shanhe server(s) at ``app_url`` (started with base path /shanhe), serving the static edition
    from ``static``; yields nginx's base URL once the dashboard's health check answers through it. The access log
    (``folder/logs/access.log``) says which server answered each request: upstream, routing cookie, URI."""
    port = free_port()
    site = (ROOT / "deploy" / "nginx" / "shanhe.conf").read_text(encoding="utf-8")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};")
    urls = [app_url] if isinstance(app_url, str) else list(app_url)
    servers = "".join(f"    server {u.removeprefix('http://').removesuffix('/shanhe')};\n" for u in urls)
    site = site.replace("    server 127.0.0.1:8501;\n", servers)
    if static is not None:
        site = site.replace("/var/lib/shanhe/static/", f"{static}/")
    (folder / "logs").mkdir(exist_ok=True)
    conf = folder / "nginx.conf"
    conf.write_text(
        # workers as root: they read the edition from pytest's temp folder, which only root may enter
        "user root; worker_processes 1; pid nginx.pid; error_log logs/error.log;\n"
        "events { worker_connections 256; }\n"
        "http { include /etc/nginx/mime.types; log_format routed '$upstream_addr $cookie_shanhe_route $uri';\n"
        "access_log logs/access.log routed;\n"
        f"client_body_temp_path tmp_body; proxy_temp_path tmp_proxy; proxy_max_temp_file_size 0;\n{site}\n}}\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [NGINX, "-p", str(folder), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if urllib.request.urlopen(f"{url}/shanhe/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
