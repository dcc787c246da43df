"""VC401 corpus: retrieved documents and tool results pasted into the system prompt, where instructions hidden in them
take the system's authority; the same text in a user or `tool` message is data, and a fixed system prompt is fine."""
import json

import anthropic
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.prompts import ChatPromptTemplate
from openai import OpenAI

client = OpenAI()
claude = anthropic.Anthropic()
TOOLS = {"search": lambda query: f"results for {query}"}
SYSTEM = "You answer questions about our product."


def answer_with_context(vectorstore, question):
    docs = vectorstore.similarity_search(question, k=4)
    context = "\n\n".join(doc.page_content for doc in docs)
    messages = [
        # expect: VC401 -- the retrieved text in the system message
        {"role": "system", "content": f"{SYSTEM}\nUse this context:\n{context}"},
        {"role": "user", "content": question},
    ]
    return client.chat.completions.create(model="gpt-4o", messages=messages)


def answer_with_context_as_user(vectorstore, question):
    docs = vectorstore.similarity_search(question, k=4)
    context = "\n\n".join(doc.page_content for doc in docs)
    messages = [
        # ok: VC401 -- a fixed system prompt
        {"role": "system", "content": SYSTEM},
        # ok: VC401 -- the documents are data the user message asks about
        {"role": "user", "content": f"<documents>\n{context}\n</documents>\n\nQuestion: {question}"},
    ]
    return client.chat.completions.create(model="gpt-4o", messages=messages)


def run_tools(messages, reply):
    for call in reply.choices[0].message.tool_calls:
        result = TOOLS[call.function.name](**json.loads(call.function.arguments))
        # expect: VC401 -- a tool's result appended as a system message
        messages.append({"role": "system", "content": f"Tool {call.function.name} returned: {result}"})
    return client.chat.completions.create(model="gpt-4o", messages=messages)


def run_tools_properly(messages, reply):
    for call in reply.choices[0].message.tool_calls:
        result = TOOLS[call.function.name](**json.loads(call.function.arguments))
        # ok: VC401 -- the result answers the call in a tool message
        messages.append({"role": "tool", "tool_call_id": call.id, "content": str(result)})
    return client.chat.completions.create(model="gpt-4o", messages=messages)


def ask_claude(retriever, question):
    docs = retriever.invoke(question)
    notes = "\n".join(doc.page_content for doc in docs)
    return claude.messages.create(
        model="claude-sonnet-4-5", max_tokens=1024,
        # expect: VC401 -- Anthropic's system parameter
        system=f"Answer from these notes only:\n{notes}",
        messages=[{"role": "user", "content": question}],
    )


def ask_claude_properly(retriever, question):
    docs = retriever.invoke(question)
    notes = "\n".join(doc.page_content for doc in docs)
    return claude.messages.create(
        model="claude-sonnet-4-5", max_tokens=1024,
        # ok: VC401 -- a fixed system parameter
        system="Answer from the notes the user gives only.",
        # ok: VC401 -- the notes in the user turn
        messages=[{"role": "user", "content": f"Notes:\n{notes}\n\nQuestion: {question}"}],
    )


def build_messages(question, docs):
    # expect: VC401 -- a helper handed the documents puts them in the system message
    return [SystemMessage(content="Context:\n" + "\n".join(d.page_content for d in docs)), HumanMessage(content=question)]


def build_messages_properly(question, docs):
    # ok: VC401 -- the documents go in the human message
    return [SystemMessage(content=SYSTEM), HumanMessage(content=f"{docs}\n\n{question}")]


async def mcp_step(session, name, arguments, history):
    observation = await session.call_tool(name, arguments)
    # expect: VC401 -- an MCP tool's result as a system turn
    history.append(("system", f"Observation: {observation}"))
    return history


def personalised(user, tools):
    names = ", ".join(tool.name for tool in tools)
    # ok: VC401 -- the tool list and the user's name are the application's own
    return [{"role": "system", "content": f"You help {user.name}. Tools: {names}"}]


def rag_template():
    # ok: VC401 -- a template's placeholder, filled later (no text flows here)
    return ChatPromptTemplate.from_messages([("system", "Use the context: {context}"), ("human", "{question}")])


def answer_from_index(index, question):
    nodes = index.as_retriever(similarity_top_k=3).retrieve(question)
    context = "\n".join(node.get_content() for node in nodes)
    # expect: VC401 -- LlamaIndex's retriever answers with the documents it found
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": context}])


def answer_with_hybrid_retriever(bm25_retriever, question):
    nodes = bm25_retriever.retrieve(question)
    # expect: VC401 -- a retriever by its name
    return claude.messages.create(model="claude-sonnet-4-5", max_tokens=512, system=str(nodes),
                                  messages=[{"role": "user", "content": question}])


def run_assistant(assistant_id, question):
    assistant = client.beta.assistants.retrieve(assistant_id)
    # ok: VC401 -- the SDK fetches the app's own assistant by id: its instructions are the developer's
    return client.chat.completions.create(model=assistant.model, messages=[
        {"role": "system", "content": assistant.instructions}, {"role": "user", "content": question}])
