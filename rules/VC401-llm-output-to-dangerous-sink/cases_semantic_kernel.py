"""VC401 corpus: Semantic Kernel runs a prompt through its chat service (`kernel.invoke_prompt`, a chat completion
service's `get_chat_message_content`), awaited or run to its end with `asyncio.run`, and its answer is model output."""
import asyncio
import subprocess

from semantic_kernel import Kernel
from semantic_kernel.contents import ChatHistory

ACTIONS = {"restart": ["systemctl", "restart", "app.service"], "status": ["systemctl", "status", "app.service"]}


async def estimate(kernel: Kernel, incident: str) -> float:
    answer = await kernel.invoke_prompt(f"A Python expression for the loss in: {incident}")
    # expect: VC401 -- the kernel's answer
    return eval(str(answer))


async def fix(service, history: ChatHistory, settings) -> None:
    reply = await service.get_chat_message_content(history, settings)
    # expect: VC401 -- a chat completion service's answer
    subprocess.run(reply.content, shell=True, check=True)


def fix_now(kernel: Kernel, incident: str) -> None:
    script = asyncio.run(kernel.invoke_prompt(f"One bash line that fixes: {incident}"))
    # expect: VC401 -- run to its end from sync code
    subprocess.run(str(script), shell=True, check=True)


async def act(kernel: Kernel, incident: str) -> None:
    answer = await kernel.invoke_prompt(f"Answer restart or status for: {incident}")
    command = ACTIONS.get(str(answer).strip())
    if command is not None:
        # ok: VC401 -- the answer only picks one of the fixed commands
        subprocess.run(command, check=True)


async def summary(kernel: Kernel, incident: str) -> None:
    await kernel.invoke_prompt(f"Summarise: {incident}")
    # ok: VC401 -- a fixed command, not the answer
    subprocess.run(["notify-send", "summary ready"], check=True)
