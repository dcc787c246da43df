"""Panel sales dashboard: `panel serve portal/app.py --basic-auth credentials.json --cookie-secret ...`."""

import logging
import os
import pickle

import pandas as pd
import panel as pn

from portal import data
from portal.auth import ADMINS, current_role

log = logging.getLogger(__name__)
pn.extension("tabulator")
EXPORT_DIR = os.environ.get("EXPORT_DIR", "/srv/portal/exports")

user = pn.state.user or "anonymous"
region = pn.widgets.Select(name="Region", options=data.REGIONS, value="north")
where = pn.widgets.TextInput(name="Advanced filter", placeholder="amount > 1000")
note = pn.widgets.TextInput(name="Note for the team")
target_rep = pn.widgets.TextInput(name="Rep")
target_amount = pn.widgets.FloatInput(name="Target", value=0.0)
report_name = pn.widgets.TextInput(name="Saved report")
upload = pn.widgets.FileInput(accept=".pkl")
table = pn.widgets.Tabulator(pagination="remote", page_size=25)
banner = pn.pane.HTML("")


def on_region(event) -> None:
    table.value = data.sales_for(event.new, user)


def on_filter(event) -> None:
    try:
        table.value = data.filtered(where.value)
    # expect: VC101
    except Exception:
        pass


def on_note(event) -> None:
    # expect: VC411/VC427
    banner.object = f"<div class='note'><b>{user}</b>: {note.value}</div>"


def on_note_escaped(event) -> None:
    import html

    # ok: VC411/VC427
    banner.object = f"<div class='note'><b>{html.escape(user)}</b>: {html.escape(note.value)}</div>"


def on_target(event) -> None:
    # expect: VC207/VC417
    if current_role() == "admin":
        data.set_target(target_rep.value, target_amount.value)


def on_target_checked(event) -> None:
    # ok: VC207
    if pn.state.user in ADMINS:
        data.set_target(target_rep.value, target_amount.value)


def on_upload(event) -> None:
    # expect: VC406
    frame = pickle.loads(upload.value)
    table.value = pd.DataFrame(frame)


def saved_report():
    # expect: VC405
    return open(os.path.join(EXPORT_DIR, report_name.value), "rb")


region.param.watch(on_region, "value")
where.param.watch(on_filter, "value")
note.param.watch(on_note, "value")
upload.param.watch(on_upload, "value")
save_target = pn.widgets.Button(name="Set target")
save_target.on_click(on_target)
download = pn.widgets.FileDownload(callback=saved_report, filename="report.csv")

pn.template.FastListTemplate(
    title=f"Sales portal: {user}",
    sidebar=[region, where, note, target_rep, target_amount, save_target, report_name, download, upload],
    main=[banner, table],
).servable()
