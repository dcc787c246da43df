"""VC417 corpus: `asyncio.run(coroutine)` answers what the coroutine returns, so a helper's model answer run to its end
from sync code (an RQ or Celery job) is still the model's."""
import asyncio
import subprocess

from semantic_kernel import Kernel


async def ask(kernel: Kernel, prompt: str) -> str:
    result = await kernel.invoke_prompt(prompt)
    return str(result).strip()


async def fixed_plan() -> str:
    return "systemctl status app.service"


def run_fix(kernel: Kernel, incident: str) -> int:
    script = asyncio.run(ask(kernel, f"One bash line that fixes: {incident}"))
    # expect: VC417 -- the helper's model answer, run to its end
    return subprocess.run(script, shell=True).returncode


def estimate(kernel: Kernel, incident: str) -> float:
    # expect: VC417 -- the same, inline
    return eval(asyncio.run(ask(kernel, f"A Python expression for the loss in: {incident}")))


def status() -> int:
    command = asyncio.run(fixed_plan())
    # ok: VC417 -- the coroutine answers a constant
    return subprocess.run(command, shell=True).returncode
