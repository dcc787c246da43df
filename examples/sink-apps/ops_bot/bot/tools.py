"""Shell helpers the bot's commands use."""
import asyncio
import subprocess


def run_shell(command):
    # sink: CWE-78
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30)
    return result.stdout or result.stderr


def execute_plan(plan):
    # sink: CWE-78
    return subprocess.check_output(plan, shell=True, text=True, timeout=60)


def run_program(arguments):
    # safe: CWE-78
    result = subprocess.run(arguments, capture_output=True, text=True, timeout=30)
    return result.stdout


async def convert_image(name):
    # sink: CWE-78
    process = await asyncio.create_subprocess_shell(f"convert /tmp/{name} /tmp/{name}.png")
    await process.wait()
