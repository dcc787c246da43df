"""The ADK agent tree: a triage agent handing off to a tools agent."""

from google.adk.agents import Agent, LlmAgent
from google.adk.tools import FunctionTool

from support_agent import tools
from support_agent.config import MODEL

ops_agent = LlmAgent(
    name="ops",
    model=MODEL,
    instruction="You diagnose shop outages. Use the tools to inspect logs and run diagnostics.",
    tools=[tools.read_service_log, FunctionTool(func=tools.run_diagnostic), tools.check_service],
)

root_agent = Agent(
    name="support",
    model=MODEL,
    instruction="Answer customer questions about orders and refunds. Hand outages to the ops agent.",
    tools=[tools.lookup_order, tools.lookup_my_order, tools.fetch_article, tools.fetch_kb_article,
           tools.calculate_refund, tools.read_service_log_safe],
    sub_agents=[ops_agent],
)
