"""Entry point: `python main.py`."""
from nicegui import ui

from ops import jobs, pages  # noqa: F401  (registers the pages)
from ops.settings import STORAGE_SECRET

jobs.start()
ui.run(host="0.0.0.0", port=8080, storage_secret=STORAGE_SECRET, reload=True, show_welcome_message=False)
