"""Sales dashboard: upload CSV exports, filter by region, ask questions in plain English."""
import base64
import io
import os

import dash
import dash_auth
import pandas as pd
import plotly.express as px
from dash import Input, Output, State, callback, dash_table, dcc, html
# expect: VC504 -- flask comes with dash but is not declared
from flask import Response, send_from_directory

import assistant
import db

UPLOAD_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "uploads")
REPORT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reports")
os.makedirs(UPLOAD_DIR, exist_ok=True)

# expect: VC403 -- dashboard logins written into the source
VALID_USERNAME_PASSWORD_PAIRS = {"admin": "Sales2024!", "viewer": "viewer123"}

app = dash.Dash(__name__, suppress_callback_exceptions=True, title="Sales")
auth = dash_auth.BasicAuth(app, VALID_USERNAME_PASSWORD_PAIRS)
server = app.server
# expect: VC203 -- Flask session key in the source
server.secret_key = "sales-dashboard-secret-key"

app.layout = html.Div([
    html.H1("Sales dashboard"),
    dcc.Upload(id="upload", children=html.Button("Upload CSV"), multiple=False),
    html.Div(id="upload-status"),
    dcc.Dropdown(id="region", options=["north", "south", "east", "west"], value="north"),
    dcc.Input(id="min-amount", type="number", value=0),
    dash_table.DataTable(id="sales-table", page_size=20),
    dcc.Graph(id="sales-chart"),
    dcc.Input(id="question", type="text", placeholder="Ask a question about sales"),
    html.Button("Ask", id="ask-btn"),
    html.Div(id="answer"),
    dcc.Graph(id="answer-chart"),
    html.Button("Delete region", id="delete-btn"),
    html.Div(id="delete-status"),
])


@callback(Output("upload-status", "children"), Input("upload", "contents"), State("upload", "filename"))
def save_upload(contents, filename):
    if contents is None:
        return ""
    _content_type, content_string = contents.split(",")
    decoded = base64.b64decode(content_string)
    # expect: VC405/VC409 -- the browser's file name becomes the path written
    with open(os.path.join(UPLOAD_DIR, filename), "wb") as f:
        f.write(decoded)
    try:
        df = pd.read_csv(io.BytesIO(decoded))
        count = db.import_sales(df)
    # expect: VC102 -- the failure is shown, not logged
    except Exception as e:
        return f"Could not import {filename}: {e}"
    return f"Imported {count} rows from {filename}"


@callback(Output("sales-table", "data"), Output("sales-chart", "figure"),
          Input("region", "value"), Input("min-amount", "value"))
def update_table(region, min_amount):
    df = db.sales_for_region(region, min_amount or 0)
    fig = px.bar(df, x="product", y="amount", title=f"Sales in {region}")
    return df.to_dict("records"), fig


@callback(Output("answer", "children"), Output("answer-chart", "figure"),
          Input("ask-btn", "n_clicks"), State("question", "value"), prevent_initial_call=True)
def answer_question(n_clicks, question):
    sql = assistant.question_to_sql(question)
    df = db.run_query(sql)
    code = assistant.chart_code(question, list(df.columns))
    scope = {"df": df, "px": px}
    # expect: VC401/VC417 -- the model's Python (from another module) is executed
    exec(code, scope)
    return dash_table.DataTable(data=df.to_dict("records")), scope.get("fig", {})


@callback(Output("answer", "children", allow_duplicate=True), Input("question", "n_submit"),
          State("question", "value"), prevent_initial_call=True)
def quick_metric(_n, question):
    metric = assistant.pick_metric(question)
    # ok: VC401/VC402 -- the model only picks a key of a fixed table
    df = db.run_query(f"SELECT region, {assistant.METRICS[metric]} AS value FROM sales GROUP BY region")
    return dash_table.DataTable(data=df.to_dict("records"))


@callback(Output("delete-status", "children"), Input("delete-btn", "n_clicks"), State("region", "value"),
          prevent_initial_call=True)
def delete_region(_n, region):
    db.delete_region(region)
    return f"Deleted {region}"


@server.route("/uploads/<path:name>")
def download_upload(name):
    # ok: VC405 -- send_from_directory refuses names outside the folder
    return send_from_directory(UPLOAD_DIR, name)


@server.route("/reports/<path:report_id>")
def show_report(report_id):
    # expect: VC405 -- the URL part names any file
    with open(os.path.join(REPORT_DIR, report_id + ".html")) as f:
        return Response(f.read(), mimetype="text/html")


if __name__ == "__main__":
    # expect: VC211 -- the Werkzeug debugger on the dashboard's server
    app.run(debug=True)
