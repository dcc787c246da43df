"""Retrieval over pgvector and the LlamaIndex engines the chat uses."""

from __future__ import annotations

import logging
import time

import pandas as pd
import psycopg
from llama_index.core import VectorStoreIndex
from llama_index.experimental.query_engine import PandasQueryEngine
from llama_index.llms.openai import OpenAI
from pgvector.psycopg import register_vector

from .config import PG_DSN, TOP_K
from .ingest import embed

log = logging.getLogger(__name__)
llm = OpenAI(model="gpt-4o-mini", temperature=0)


def similar_chunks(question: str, doc: str | None = None, k: int = TOP_K) -> list[tuple[str, str]]:
    vector = embed(question)
    with psycopg.connect(PG_DSN) as conn:
        register_vector(conn)
        if doc:
            # ok: VC402
            rows = conn.execute(
                "SELECT doc, body FROM chunks WHERE doc = %s ORDER BY embedding <=> %s LIMIT %s", (doc, vector, k)
            ).fetchall()
        else:
            # ok: VC402
            rows = conn.execute("SELECT doc, body FROM chunks ORDER BY embedding <=> %s LIMIT %s", (vector, k)).fetchall()
    return rows


def search_with_filter(question: str, metadata_filter: str) -> list[tuple[str, str]]:
    vector = embed(question)
    with psycopg.connect(PG_DSN) as conn:
        register_vector(conn)
        sql = "SELECT doc, body FROM chunks WHERE " + metadata_filter + " ORDER BY embedding <=> %s LIMIT 5"
        # expect: VC402/VC417
        return conn.execute(sql, (vector,)).fetchall()


def answer_from_chunks(question: str, chunks: list[tuple[str, str]]) -> str:
    context = "\n\n".join(f"[{doc}] {body}" for doc, body in chunks)
    prompt = f"Answer using only this context.\n\n{context}\n\nQuestion: {question}"
    # expect: VC109
    while True:
        try:
            return llm.complete(prompt).text
        # expect: VC102
        except Exception:
            log.warning("llm call failed, retrying")
            time.sleep(1)


def answer_with_index(index: VectorStoreIndex, question: str) -> str:
    engine = index.as_query_engine(similarity_top_k=TOP_K, llm=llm)
    return str(engine.query(question))


def table_answer(csv_path: str, question: str) -> str:
    frame = pd.read_csv(csv_path)
    # expect: VC424
    engine = PandasQueryEngine(df=frame, llm=llm, verbose=True)
    return str(engine.query(question))


def suggested_filter(question: str) -> str:
    reply = llm.complete(f"Write a SQL WHERE condition on columns doc, created_at for: {question}. Only the condition.")
    return reply.text.strip()


def filtered_answer(question: str) -> str:
    where = suggested_filter(question)
    rows = search_with_filter(question, where)
    return answer_from_chunks(question, rows)
