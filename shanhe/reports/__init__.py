"""Evaluation reports (年度调度 / 中期评估 / 末期考核): the report as data (``model``), and its renderings
(``html``, ``pptx``, ``pdf`` via Chromium, chart ``images`` via kaleido), one entry point in ``render``."""
