import ast

from langchain_community.utilities import SQLDatabase
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
warehouse = SQLDatabase.from_uri("sqlite:///analytics.db")


@tool
def query_warehouse(sql: str) -> str:
    """Run a SQL query against the analytics warehouse."""
    # expect: VC401 -- LangChain tool argument (model-written) run as SQL
    return warehouse.run(sql)


@tool
def row_count(table: str) -> str:
    """Count the rows of one known table."""
    if table not in {"orders", "customers", "products"}:
        return "unknown table"
    # ok: VC401/VC402 -- table checked against an allowlist before use
    return warehouse.run(f"SELECT COUNT(*) FROM {table}")


prompt = ChatPromptTemplate.from_messages([
    ("system", "Translate the request into a Python expression over `rows`. Output code only."),
    ("human", "{request}"),
])
chain = prompt | llm | StrOutputParser()


def compute(request: str, rows: list[dict]):
    code = chain.invoke({"request": request})
    # expect: VC401 -- LCEL chain output to eval
    return eval(code, {"rows": rows})


def parse_list(request: str) -> list:
    answer = chain.invoke({"request": request})
    # ok: VC401 -- literal_eval on model output
    return ast.literal_eval(answer)
