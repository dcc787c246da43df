"""VC413 corpus: client text pasted into the JavaScript a driven browser runs; passed as an argument, it is data."""
import click
from flask import Flask, request
from playwright.sync_api import sync_playwright
from selenium import webdriver

app = Flask(__name__)


@app.post("/fill")
def fill_form():
    with sync_playwright() as p:
        page = p.chromium.launch().new_page()
        page.goto("https://portal.example.com/form")
        value = request.form["value"]
        # expect: VC413
        page.evaluate(f"document.querySelector('#note').value = '{value}'")
        # ok: VC413 -- the value is the script's argument, not its source
        page.evaluate("v => { document.querySelector('#note').value = v; }", value)
        # ok: VC413
        page.fill("#note", value)
        return page.content()


@app.post("/legacy")
def legacy_export():
    driver = webdriver.Chrome()
    # expect: VC413
    rows = driver.execute_script("return " + request.json["expression"])
    # ok: VC413
    total = driver.execute_script("return arguments[0].length", request.json["expression"])
    driver.quit()
    return {"rows": rows, "total": total}


@click.command()
@click.argument("script")
def run_script(script):
    """The operator's own snippet, run in the browser the operator drives."""
    with sync_playwright() as p:
        page = p.chromium.launch().new_page()
        # ok: VC413
        click.echo(page.evaluate(script))
