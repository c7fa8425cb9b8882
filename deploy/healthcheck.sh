#!/bin/sh
# Exit 0 when the dashboard answers its health endpoint (directly, or through nginx with a URL argument).
# Usage: deploy/healthcheck.sh [http://127.0.0.1:8501/shanhe]
set -eu
base="${1:-http://127.0.0.1:8501/shanhe}"
[ "$(curl -fsS --max-time 5 "$base/_stcore/health")" = "ok" ]
