"""Executes the plans the model writes for the research pipeline."""

import os
import sqlite3
import subprocess

from .llm import ask_json, gemini_text, openai_client, plan_step, stream_code

ACTIONS = {"refresh": ["make", "refresh"], "test": ["pytest", "-q"], "lint": ["ruff", "check", "."]}


def execute_plan(goal: str) -> None:
    plan = plan_step(goal)
    # expect: VC401/VC417, VC108
    os.system(plan.command)
    with sqlite3.connect("findings.db") as db:
        # expect: VC401/VC417
        db.executescript(plan.sql)
    # expect: VC401/VC417
    with open(plan.output_path, "w") as out:
        out.write("done")


def run_generated(task: str) -> dict:
    scope: dict = {}
    source = stream_code(task)
    # expect: VC401/VC417
    exec(source, scope)
    return scope


def stream_inline(task: str) -> None:
    stream = openai_client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": f"One bash command to {task}"}], stream=True)
    parts = []
    for chunk in stream:
        parts.append(chunk.choices[0].delta.content or "")
    command = "".join(parts)
    # expect: VC401
    subprocess.Popen(command, shell=True)


def run_action(goal: str) -> str:
    answer = ask_json(f"Pick one action of {sorted(ACTIONS)} for: {goal}. Reply as {{\"action\": ...}}")
    argv = ACTIONS.get(answer.get("action"), ["true"])
    # ok: VC401/VC417
    # expect: VC108
    return subprocess.run(argv, capture_output=True, text=True).stdout


def lookup_topic(goal: str) -> list:
    answer = ask_json(f"Which topic is this about? {goal}. Reply as {{\"topic\": ...}}")
    with sqlite3.connect("findings.db") as db:
        # ok: VC401/VC417
        return db.execute("SELECT title FROM findings WHERE topic = ?", (answer["topic"],)).fetchall()


def cleanup(goal: str) -> None:
    answer = ask_json(f"Which directory should be cleaned for: {goal}? Reply as {{\"dir\": ...}}")
    # expect: VC401/VC417, VC108
    subprocess.run(f"rm -rf {answer['dir']}", shell=True)


def gemini_shell(goal: str) -> str:
    command = gemini_text(f"One shell command to {goal}; command only")
    # expect: VC401/VC417
    return subprocess.check_output(command, shell=True, text=True)


def gemini_summary(goal: str) -> str:
    text = gemini_text(f"Summarise: {goal}")
    # ok: VC401/VC417
    print(text)
    return text
