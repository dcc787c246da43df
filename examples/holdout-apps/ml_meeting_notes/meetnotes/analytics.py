import logging

import pandas as pd
from sqlalchemy import create_engine

from .config import AppConfig
from .llm import chat, extract_block

logger = logging.getLogger(__name__)

PANDAS_PROMPT = (
    "You are a pandas expert. Given a DataFrame `df` with columns {columns}, write Python code that stores the "
    "answer to the question in a variable named `result`. Only output code."
)
FILTER_PROMPT = "Translate the request into a pandas DataFrame.query() expression over columns {columns}."
SQL_PROMPT = "Write one SQLite SELECT over the table meetings(id, title, owner, duration_min, started_at)."
ALLOWED_METRICS = {"duration_min": "sum", "attendees": "mean"}


def answer_question(cfg: AppConfig, df: pd.DataFrame, question: str):
    code = extract_block(chat(cfg, PANDAS_PROMPT.format(columns=list(df.columns)), question))
    namespace = {"df": df, "pd": pd}
    # expect: VC401/VC417
    exec(code, namespace)
    return namespace.get("result")


def filter_rows(cfg: AppConfig, df: pd.DataFrame, request: str) -> pd.DataFrame:
    expression = chat(cfg, FILTER_PROMPT.format(columns=list(df.columns)), request).strip().strip("`")
    # expect: VC401/VC417
    return df.query(expression)


def ask_database(cfg: AppConfig, db_url: str, question: str) -> pd.DataFrame:
    sql = extract_block(chat(cfg, SQL_PROMPT, question))
    engine = create_engine(db_url)
    # expect: VC401/VC417
    return pd.read_sql(sql, engine)


def metric_summary(cfg: AppConfig, df: pd.DataFrame, question: str) -> float:
    metric = chat(cfg, f"Which column answers this? One of {sorted(ALLOWED_METRICS)}.", question).strip()
    if metric not in ALLOWED_METRICS:
        raise ValueError(f"unsupported metric {metric!r}")
    # ok: VC401
    return float(df[metric].agg(ALLOWED_METRICS[metric]))


def weekly_report(df: pd.DataFrame) -> pd.DataFrame:
    report = df.groupby(pd.Grouper(key="started_at", freq="W"))["duration_min"].sum().reset_index()
    # ok: VC505 -- corrected after the first run: the rule documents `*_report` functions as printing on purpose
    print(report.head())
    return report
