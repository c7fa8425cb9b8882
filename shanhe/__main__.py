"""Entry point for ``python -m shanhe``."""

import sys

from shanhe.cli import main

sys.exit(main())
