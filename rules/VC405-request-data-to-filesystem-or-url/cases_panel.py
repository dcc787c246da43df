"""VC405 corpus: what a Panel app's visitor types, uploads or puts in the URL, read from the widgets the module binds."""
import os

import panel as pn
import requests

EXPORTS = "/srv/exports"
name = pn.widgets.TextInput(name="Report")
notes = pn.widgets.TextAreaInput(name="Notes")
upload = pn.widgets.FileInput()
title = pn.pane.Markdown("Reports")


def report():
    # expect: VC405
    return open(os.path.join(EXPORTS, name.value), "rb")


def save_upload():
    # expect: VC405
    with open(os.path.join(EXPORTS, upload.filename), "wb") as fh:
        fh.write(upload.value)


def preview():
    # expect: VC405
    return requests.get(pn.state.session_args.get("src")[0].decode(), timeout=5).text


def heading_file():
    # ok: VC405 -- a pane's text is the app's own, not a widget the visitor types in
    return open(os.path.join(EXPORTS, title.object), "rb")


def report_named(value):
    # ok: VC405 -- a parameter of the same name, not the widget
    return open(os.path.join(EXPORTS, value), "rb")


def notes_file():
    # ok: VC405
    return open(os.path.join(EXPORTS, os.path.basename(notes.value)), "rb")
