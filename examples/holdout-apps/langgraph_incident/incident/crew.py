"""A CrewAI crew for the slower, after-the-fact analysis of an incident."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import requests
from crewai import Agent, Crew, Process, Task
from crewai.tools import BaseTool, tool
from pydantic import BaseModel, Field

ANALYTICS_DB = Path(__file__).parent / "analytics.db"
NOTES_DIR = Path(__file__).parent / "notes"


class SqlInput(BaseModel):
    query: str = Field(description="A read-only SQL query over the deploys and incidents tables")


class AnalyticsSqlTool(BaseTool):
    name: str = "analytics_sql"
    description: str = "Run SQL over the deploy and incident history."
    args_schema: type[BaseModel] = SqlInput

    def _run(self, query: str) -> str:
        conn = sqlite3.connect(ANALYTICS_DB)
        try:
            # expect: VC401
            return str(conn.execute(query).fetchall()[:50])
        finally:
            conn.close()


class DeployCountTool(BaseTool):
    name: str = "deploy_count"
    description: str = "How many deploys a service had in the last N days."

    def _run(self, service: str, days: int = 7) -> str:
        conn = sqlite3.connect(f"file:{ANALYTICS_DB}?mode=ro", uri=True)
        try:
            # ok: VC401/VC402
            row = conn.execute("SELECT count(*) FROM deploys WHERE service = ? AND age_days <= ?",
                               (service, int(days))).fetchone()
            return str(row[0])
        finally:
            conn.close()


@tool("Save analysis notes")
def save_notes(filename: str, content: str) -> str:
    """Save the analysis as a markdown note."""
    # expect: VC401/VC405
    (NOTES_DIR / filename).write_text(content)
    return f"saved {filename}"


@tool("Post to the incident webhook")
def post_webhook(url: str, message: str) -> str:
    """Post a message to a webhook URL."""
    # expect: VC401/VC405, VC106
    resp = requests.post(url, json={"text": message})
    return str(resp.status_code)


analyst = Agent(
    role="Reliability analyst",
    goal="Find the deploy that caused the incident",
    backstory="You have read every post-mortem since 2019.",
    tools=[AnalyticsSqlTool(), DeployCountTool(), save_notes],
    # ok: VC424 -- corrected after the first run: CrewAI runs it in Docker unless `code_execution_mode="unsafe"`
    allow_code_execution=True,
)

writer = Agent(
    role="Post-mortem writer",
    goal="Write a blameless post-mortem",
    backstory="You turn timelines into clear prose.",
    tools=[save_notes, post_webhook],
)


def run_crew(incident_id: str, timeline: str) -> str:
    crew = Crew(
        agents=[analyst, writer],
        tasks=[
            Task(description=f"Find the cause of incident {incident_id}. Timeline:\n{timeline}", agent=analyst,
                 expected_output="The suspected deploy and why"),
            Task(description="Write the post-mortem and save it.", agent=writer, expected_output="A markdown file"),
        ],
        process=Process.sequential,
    )
    return str(crew.kickoff())
