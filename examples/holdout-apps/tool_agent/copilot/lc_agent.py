from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

from .lc_tools import TOOLS

prompt = ChatPromptTemplate.from_messages([("system", "You are a DevOps copilot."), ("human", "{input}")])
llm = ChatOpenAI(model="gpt-4o", temperature=0).bind_tools(TOOLS)
TOOLS_BY_NAME = {t.name: t for t in TOOLS}


def answer(question: str) -> str:
    message = (prompt | llm).invoke({"input": question})
    results = []
    for call in message.tool_calls:
        results.append(str(TOOLS_BY_NAME[call["name"]].invoke(call["args"])))
    return "\n".join(results) or message.content


def render_chart(question: str) -> str:
    message = llm.invoke(f"Write one Python expression that computes: {question}")
    # expect: VC401
    return str(eval(message.content))
