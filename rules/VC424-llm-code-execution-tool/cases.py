"""VC424 corpus: LLM components that run the model's code or commands, and the tools that do one narrow thing."""
import autogen
import pandas as pd
from crewai import Agent
from crewai_tools import CodeInterpreterTool
from langchain.agents import AgentType, initialize_agent, load_tools
from langchain.agents.agent_toolkits import create_python_agent
from langchain.chains import PALChain
from langchain_community.tools import DuckDuckGoSearchRun, ShellTool
from langchain_community.utilities import SQLDatabase
from langchain_core.tools import tool
from langchain_experimental.agents import create_pandas_dataframe_agent
from langchain_experimental.tools import PythonAstREPLTool
from langchain_experimental.tools import PythonREPLTool as Repl
from langchain_experimental.utilities import PythonREPL
from llama_index.experimental.query_engine import PandasQueryEngine

from app.tools import PythonREPLTool as OurAuditedRepl

frame = pd.read_csv("sales.csv")


def python_agent(llm, question):
    # expect: VC424 -- the model's Python runs in this process
    agent = initialize_agent(tools=[Repl()], llm=llm, agent=AgentType.ZERO_SHOT_REACT_DESCRIPTION)
    return agent.run(question)


def shell_agent(llm, question):
    # expect: VC424 -- and its shell commands on this machine
    tools = [ShellTool(), DuckDuckGoSearchRun()]
    return initialize_agent(tools, llm).run(question)


def math_chain(llm, question):
    # expect: VC424 -- PALChain executes the program the model writes (CVE-2023-36258)
    chain = PALChain.from_math_prompt(llm=llm)
    return chain.run(question)


def dataframe_agent(llm, question):
    # expect: VC424 -- the switch the library asks for before it runs the model's pandas code
    agent = create_pandas_dataframe_agent(llm, frame, verbose=True, allow_dangerous_code=True)
    return agent.invoke(question)


def ast_repl(llm):
    # expect: VC424
    return PythonAstREPLTool(locals={"df": frame})


def bare_repl(code_from_model):
    # expect: VC424
    return PythonREPL().run(code_from_model)


def loaded_tools(llm):
    # expect: VC424 -- the built-in terminal tool, by name
    return load_tools(["terminal", "llm-math"], llm=llm)


def python_toolkit_agent(llm):
    # expect: VC424
    return create_python_agent(llm=llm, tool=Repl(), verbose=True)


def llama_pandas(question):
    # expect: VC424 -- PandasQueryEngine evaluates the pandas expression the model writes (CVE-2023-39662)
    engine = PandasQueryEngine(df=frame, verbose=True)
    return engine.query(question)


def autogen_pair(config_list):
    assistant = autogen.AssistantAgent("assistant", llm_config={"config_list": config_list})
    # expect: VC424 -- the code blocks the model writes run on the host, not in Docker
    runner = autogen.UserProxyAgent("runner", code_execution_config={"work_dir": "out", "use_docker": False})
    return assistant, runner


def crew_coder(llm):
    # expect: VC424
    return Agent(role="coder", goal="write code", backstory="", llm=llm, allow_code_execution=True,
                 code_execution_mode="unsafe")


def crew_interpreter():
    # expect: VC424
    return CodeInterpreterTool(unsafe_mode=True)


@tool
def monthly_total(month: str) -> float:
    """The total of the invoices of one month (YYYY-MM)."""
    return float(frame[frame["month"] == month]["total"].sum())


def narrow_agent(llm, question):
    # ok: VC424 -- tools that each do one thing
    agent = initialize_agent(tools=[monthly_total, DuckDuckGoSearchRun()], llm=llm)
    return agent.run(question)


def safe_loaded_tools(llm):
    # ok: VC424 -- no code-running tool among them
    return load_tools(["llm-math", "wikipedia"], llm=llm)


def dataframe_agent_refused(llm):
    # ok: VC424 -- without the switch, the library refuses to build it
    return create_pandas_dataframe_agent(llm, frame, verbose=True)


def dataframe_agent_off(llm):
    # ok: VC424
    return create_pandas_dataframe_agent(llm, frame, allow_dangerous_code=False)


def dockerised_autogen():
    # ok: VC424 -- the model's code runs in a container
    return autogen.UserProxyAgent("runner", code_execution_config={"work_dir": "out", "use_docker": True})


def crew_safe(llm):
    # ok: VC424 -- CrewAI's default: code runs in Docker
    return Agent(role="coder", goal="write code", backstory="", llm=llm, allow_code_execution=True)


def crew_interpreter_sandboxed():
    # ok: VC424
    return CodeInterpreterTool()


def own_class(llm):
    # ok: VC424 -- the project's own class of that name, not LangChain's
    return OurAuditedRepl(allowed_modules=["math"])


def database(uri):
    # ok: VC424 -- a database handle, not a code runner
    return SQLDatabase.from_uri(uri)
