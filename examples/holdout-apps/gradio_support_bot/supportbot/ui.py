"""The Gradio front end support agents use to ask questions about tickets."""

import gradio as gr
import matplotlib.pyplot as plt
import pandas as pd
from sqlalchemy import create_engine

from .llm import ask as ask_model
from .llm import strip_code_fence

engine = create_engine("postgresql+psycopg://support@db/support")
SCHEMA = "tickets(id, customer, status, opened_at, closed_at, priority)"
METRICS = {
    "open_by_priority": "SELECT priority, COUNT(*) FROM tickets WHERE status = 'open' GROUP BY priority",
    "closed_per_day": "SELECT date(closed_at), COUNT(*) FROM tickets GROUP BY 1 ORDER BY 1",
}


def answer_with_sql(question: str) -> pd.DataFrame:
    sql = strip_code_fence(ask_model(f"Write one PostgreSQL query over {SCHEMA} that answers: {question}"))
    # expect: VC401/VC417
    return pd.read_sql(sql, engine)


def answer_with_metric(question: str) -> pd.DataFrame:
    choice = ask_model(f"Pick one of {sorted(METRICS)} for: {question}. Answer with the name only.").strip()
    if choice not in METRICS:
        raise gr.Error(f"I can only answer with one of {sorted(METRICS)}")
    # ok: VC401/VC417
    return pd.read_sql(METRICS[choice], engine)


def chart(question: str):
    frame = answer_with_metric(question)
    code = strip_code_fence(ask_model(f"Write matplotlib code that plots the DataFrame `frame` to answer {question}"))
    scope = {"frame": frame, "plt": plt}
    # expect: VC401/VC417
    exec(code, scope)
    return plt.gcf()


def attachment_preview(path: str) -> str:
    # expect: VC405
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read(4000)


with gr.Blocks(title="Support analytics") as demo:
    question = gr.Textbox(label="Question")
    table = gr.Dataframe()
    plot = gr.Plot()
    gr.Button("Ask").click(answer_with_sql, inputs=question, outputs=table)
    gr.Button("Metric").click(answer_with_metric, inputs=question, outputs=table)
    gr.Button("Chart").click(chart, inputs=question, outputs=plot)
    attachment = gr.Textbox(label="Attachment path")
    gr.Button("Preview").click(attachment_preview, inputs=attachment, outputs=gr.Textbox())

if __name__ == "__main__":
    demo.launch(server_name="0.0.0.0", share=True, debug=True)
