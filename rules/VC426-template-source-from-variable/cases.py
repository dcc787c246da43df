"""VC426 corpus: template text built from runtime values fires; constant text with values passed as variables does not."""
import platform
import sqlite3
import sys

import jinja2
from django.template import Context, Template
from flask import render_template_string
from jinja2 import Environment
from jinja2.sandbox import SandboxedEnvironment
from mako.template import Template as MakoTemplate
from packageurl import PackageURL
from quart import render_template_string as quart_render
from tornado import template as tornado_template

env = Environment(autoescape=True)
HEADER = "<h1>Orders</h1>"
PAGE_SIZE = 20
RECEIPT = "<p>Thanks, {{ name }}</p>"


def table_built_in_a_loop(db: sqlite3.Connection):
    rows = db.execute("SELECT title, body FROM posts").fetchall()
    page = "<ul>"
    for title, body in rows:
        page += f"<li><b>{title}</b> {body}</li>"
    page += "</ul>"
    # expect: VC426
    return render_template_string(page)


def percent_formatted(note):
    # expect: VC426
    return render_template_string("<p>%s</p>" % note.text)


def concatenated_in_the_call(comment):
    # expect: VC426
    return jinja2.Template("<div class='comment'>" + comment.body + "</div>").render()


def joined_parts(tags):
    source = "".join(["<span>", tags[0], "</span>"])
    # expect: VC426
    return env.from_string(source).render()


def format_with_a_keyword(profile):
    text = "<section>{bio}</section>".format(bio=profile["bio"])
    # expect: VC426
    return Template(text).render(Context({}))


def mako_with_an_fstring(user):
    # expect: VC426
    return MakoTemplate(text=f"<p>Welcome back, {user.display_name}</p>").render()


def values_passed_as_variables(rows):
    # ok: VC426
    return render_template_string("<ul>{% for r in rows %}<li>{{ r.title }}</li>{% endfor %}</ul>", rows=rows)


def text_built_only_of_constants():
    source = HEADER + "<p>Showing {{ count }} of %d</p>" % PAGE_SIZE
    # ok: VC426
    return render_template_string(source, count=3)


def numbers_only(items):
    # ok: VC426
    return render_template_string(f"<p>{len(items)} items, page {int(items.page)}</p>")


def template_read_from_a_file(path):
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    # ok: VC426
    return env.from_string(source).render()


def sandboxed_user_template(template_text, data):
    sandbox = SandboxedEnvironment()
    # ok: VC426
    return sandbox.from_string("{% extends 'base.html' %}" + template_text).render(data)


async def joined_from_a_generator(rows):
    cells = "".join(f"<td>{row.label}</td>" for row in rows)
    # expect: VC426
    return await quart_render("<tr>" + cells + "</tr>")


def two_steps_through_names(row):
    body = row["html"]
    page = HEADER + body
    # expect: VC426
    return tornado_template.Template(page).generate()


def module_constant_with_variables(name):
    # ok: VC426
    return render_template_string(RECEIPT, name=name)


def literal_tuple_after_percent():
    # ok: VC426
    return render_template_string("<p>%s of %s</p>" % ("{{ done }}", "{{ total }}"), done=1, total=2)


def sandbox_made_on_the_spot(user_text):
    # ok: VC426
    return SandboxedEnvironment().from_string("<p>" + user_text + "</p>").render()


def fallback_body_without_markup(response):
    body = "%d %s" % (response.status_code, response.reason.title())
    # ok: VC426
    return env.from_string(body).render()


def literal_mapping_after_percent():
    # ok: VC426
    return render_template_string("<h1>%(title)s</h1>" % {"title": "Not Found"})


def footer_with_server_facts():
    # ok: VC426 -- the interpreter and the host describe the server; no user sets them
    return render_template_string(f"<footer>Python {sys.version} on {platform.platform()}</footer>")


def package_from_manifest(manifest):
    # ok: VC426 -- a class's own factory that parses the text: no template is compiled
    return PackageURL.from_string(f"pkg:pypi/{manifest['name']}@{manifest['version']}")


def dashboard_column(context, tags):
    output = []
    for tag in tags:
        # ok: VC426 -- it invokes the template tags its settings name: a library and a tag name, no data
        template = Template("{%% load %s %%}{%% %s %%}" % tuple(tag.split(".")))
        output.append(template.render(context))
    return "".join(output)


def dashboard_greeting(context, tag, visitor):
    # expect: VC426 -- the visitor's name is an argument of the tag: data parsed as template code
    return Template("{%% load greetings %%}{%% greet '%s' %%}" % visitor).render(context)


def dashboard_panel(context, tag, title):
    # expect: VC426 -- a tag name, and a title pasted into the markup beside it
    return Template("{%% %s %%}<h2>%s</h2>" % (tag, title)).render(context)


def bottle_wares_page(rows):
    from bottle import template

    table = "<table>"
    for row in rows:
        table += f"<tr><td>{row['name']}</td></tr>"
    # expect: VC426
    return template(table + "</table>")


def bottle_wares_page_with_variables(rows):
    from bottle import template

    # ok: VC426
    return template("<table>% for row in rows:\n<tr><td>{{row['name']}}</td></tr>\n% end\n</table>", rows=rows)


def bottle_named_view(view_name, rows):
    from bottle import template

    # ok: VC426
    return template(view_name, rows=rows)
