from notecli.render import render_markdown, render_table
from notecli.store import Note

NOTES = [
    Note(1, "Buy milk #errands", ["errands"]),
    Note(2, "A rather long note that will not fit in the table column at all #long", ["long"]),
]


def test_render_table(snapshot):
    # ok: VC303, VC304
    assert render_table(NOTES) == snapshot


# expect: VC303
def test_render_table_narrow(snapshot):
    render_table(NOTES, width=10) == snapshot


def test_render_empty():
    assert render_table([]) == "(no notes)"


def test_render_markdown(snapshot):
    output = render_markdown(NOTES)
    # expect: VC304
    assert snapshot == snapshot
    assert output.endswith("\n")


def test_render_markdown_snapshot(snapshot):
    # ok: VC304
    assert snapshot(name="markdown") == render_markdown(NOTES)
