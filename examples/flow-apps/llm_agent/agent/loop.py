import base64
import os
import subprocess

from agent import tools
from agent.llm import ask, ask_claude, ask_json, model_name
from agent.tools import cleanup, grep_logs, list_folder, load_cache, read_note, restore, run_checked, run_named


def do_task(task: str) -> str:
    command = ask(f"Shell command to {task}")
    return tools.run_shell(command)


def solve(problem: str) -> dict:
    code = ask_claude(f"Write Python that solves: {problem}. Put the answer in `result`.")
    return tools.run_python(code)


def answer_question(conn, question: str) -> list:
    plan = ask_json(f"Write one SQLite query answering: {question}")
    return tools.run_sql(conn, plan["sql"])


def resume(session_id: str):
    encoded = ask(f"Return the saved state for session {session_id}")
    return restore(base64.b64decode(encoded))


def take_notes(topic: str) -> None:
    answer = ask_json(f"Write notes about {topic} with a file name")
    tools.save_note(answer["filename"], answer["body"])


def extend(capability: str):
    return tools.load_plugin(ask(f"Which module provides {capability}?"))


class Operator:
    def __init__(self, goal: str) -> None:
        self.goal = goal

    def step(self) -> str:
        return self._execute(ask(f"Next shell command towards: {self.goal}"))

    def _execute(self, command: str) -> str:
        # expect: VC417
        return subprocess.check_output(command, shell=True, text=True)


def next_command(goal: str) -> str:
    return ask(f"Next command for {goal}")


def planned_command(goal: str) -> str:
    return next_command(goal)


def run_plan(goal: str) -> int:
    # expect: VC417
    return subprocess.call(planned_command(goal), shell=True)


def safe_task(task: str) -> str:
    choice = ask(f"Pick one of status, disk for: {task}")
    first = run_named(choice)
    second = run_checked(choice)
    found = grep_logs(ask("Which error should I search for?"))
    listing = list_folder("/srv/data", ask("Describe the folder"))
    return first + second + found + listing


def wait_a_bit() -> None:
    tools.sleep_for(int(ask("How many seconds should I wait?")))


def review(path: str) -> str:
    cleanup("/tmp/agent-scratch")
    cached = load_cache("/var/cache/agent/state.pkl")
    return read_note(ask(f"Which note explains {path}?")) + str(cached) + model_name()


def run_model_named(model: str) -> str:
    # ok: VC417 -- a constant from a helper that never calls the model
    return subprocess.run(f"ollama run {model_name()}", shell=True, capture_output=True, text=True).stdout


def scaffold(spec: str, root: str = "workspace") -> None:
    plan = ask_json(f"List the files of a project for: {spec}")
    for entry in plan["files"]:
        target = os.path.join(root, entry["path"])
        # expect: VC417 -- the folder is the caller's, the rest of the path the model's
        with open(target, "w") as handle:
            handle.write(entry["content"])


def scaffold_readme(spec: str, root: str = "workspace") -> None:
    plan = ask_json(f"Write a README for: {spec}")
    target = os.path.join(root, "README.md")
    # ok: VC417 -- only the content is the model's
    with open(target, "w") as handle:
        handle.write(plan["readme"])
