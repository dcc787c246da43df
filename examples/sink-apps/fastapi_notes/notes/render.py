"""HTML snippets for note cards."""
from jinja2 import Environment, select_autoescape

env = Environment(autoescape=select_autoescape())

CARD = "<div class='card'><h3>{{ title }}</h3><p>{{ body }}</p></div>"


def render_note_card(title, body):
    # sink: CWE-1336
    template = env.from_string("<div class='card'><h3>" + title + "</h3><p>{{ body }}</p></div>")
    return template.render(body=body)


def render_safe_card(title, body):
    # safe: CWE-1336
    return env.from_string(CARD).render(title=title, body=body)
