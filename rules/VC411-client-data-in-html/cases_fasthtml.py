"""VC411 corpus, FastHTML: a handler's parameters are the query and form fields, and `NotStr`/`Safe` put their text
into the page as raw HTML; the components escape every other string."""
import html

from fasthtml.common import H1, Div, Li, NotStr, P, Safe, Ul, fast_app

app, rt = fast_app()


@rt("/search")
def get(q: str):
    # expect: VC411
    return Div(H1(NotStr(f"Results for {q}")))


@rt("/bio")
def post(bio: str, auth):
    # expect: VC411
    return Div(Safe("<div class='bio'>" + bio + "</div>"))


@rt("/tags")
def get(tag: str):  # noqa: F811
    rows = [tag, tag.upper()]
    # ok: VC411 -- the components escape the strings they are given
    return Div(P(f"Entries tagged {tag}"), Ul(*[Li(r) for r in rows]))


@rt("/escaped")
def get(q: str):  # noqa: F811
    # ok: VC411 -- escaped before it is marked
    return Div(NotStr(f"<b>{html.escape(q)}</b>"))


@rt("/divider")
def get(auth):  # noqa: F811
    # ok: VC411 -- `auth` is the user id a Beforeware put in the request's scope, and the markup is a literal
    return Div(NotStr("<hr>"), P(str(auth)))


@rt("/note")
def post(title: str, body: str):
    # expect: VC411
    return Div(H1(title), NotStr("<article>{}</article>".format(body)))
