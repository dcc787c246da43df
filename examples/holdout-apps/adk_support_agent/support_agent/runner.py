"""Run the agent for one customer message."""

import asyncio

from google.adk.runners import Runner
from google.adk.sessions import InMemorySessionService
from google.genai import types

from support_agent.agent import root_agent

sessions = InMemorySessionService()
runner = Runner(agent=root_agent, app_name="support", session_service=sessions)


async def answer(user_id: str, text: str) -> str:
    session = await sessions.create_session(app_name="support", user_id=user_id, state={"customer_id": user_id})
    message = types.Content(role="user", parts=[types.Part(text=text)])
    reply = ""
    async for event in runner.run_async(user_id=user_id, session_id=session.id, new_message=message):
        if event.is_final_response() and event.content:
            reply = event.content.parts[0].text
    return reply


if __name__ == "__main__":
    print(asyncio.run(answer("cust-42", input("> "))))
