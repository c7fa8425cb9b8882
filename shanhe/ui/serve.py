"""Start the dashboard: ``python -m shanhe.ui.serve [streamlit options]``.

Use this instead of ``streamlit run app.py``. Streamlit treats a folder named
``pages/`` as legacy multipage routing until ``st.navigation`` has run once in the
process; until then a shared link such as ``/indicator?code=I07`` opening a freshly
started server shows a "Page not found" dialog. Switching the legacy mode off before
the first session avoids that (PagesManager is Streamlit-internal: the browser test
``test_a_deep_link_into_a_fresh_server`` checks this still works on upgrades).
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from shanhe.logs import configure as configure_logs
from shanhe.settings import ROOT


def main(argv: list[str] | None = None) -> None:
    configure_logs()
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
