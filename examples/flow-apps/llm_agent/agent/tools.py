import importlib
import os
import pickle
import shlex
import subprocess

ALLOWED_COMMANDS = {"status": ["git", "status"], "disk": ["df", "-h"]}


def run_shell(command: str) -> str:
    # expect: VC417
    result = subprocess.run(command, shell=True, capture_output=True, text=True)
    return result.stdout


def run_python(code: str) -> dict:
    scope: dict = {}
    # expect: VC417
    exec(code, scope)
    return scope


def run_sql(conn, sql: str) -> list:
    # expect: VC417
    return conn.execute(sql).fetchall()


def restore(blob: bytes):
    # expect: VC417
    return pickle.loads(blob)


def save_note(path: str, text: str) -> None:
    # expect: VC417
    with open(path, "w") as handle:
        handle.write(text)


def load_plugin(name: str):
    # expect: VC417
    return importlib.import_module(name)


def run_named(name: str) -> str:
    # ok: VC417 -- the model picks a key of a fixed table
    return subprocess.run(ALLOWED_COMMANDS[name], capture_output=True, text=True).stdout


def run_checked(command: str) -> str:
    if command not in {"git status", "df -h"}:
        raise ValueError(f"command not allowed: {command}")
    # ok: VC417 -- checked against an allow-list first
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


def grep_logs(term: str) -> str:
    # ok: VC417 -- quoted for the shell
    return subprocess.run(f"grep -r {shlex.quote(term)} /var/log/app", shell=True, capture_output=True, text=True).stdout


def list_folder(folder: str, label: str) -> str:
    print(label)
    # ok: VC417 -- the model's text is only printed; the folder comes from the caller's constant
    return subprocess.run(["ls", "-l", folder], capture_output=True, text=True).stdout


def sleep_for(seconds: int) -> None:
    # ok: VC417 -- a number by then
    os.system(f"sleep {seconds}")


def read_note(path: str) -> str:
    # expect: VC417 -- the model chose the file: a prompt injection can have it read any file the process can
    with open(path) as handle:
        return handle.read()


def cleanup(folder: str) -> None:
    # ok: VC417 -- only ever called with a constant
    os.system("rm -rf " + folder)


def load_cache(path: str):
    with open(path, "rb") as handle:
        data = handle.read()
    # ok: VC417 -- the bytes come from a local file, not from the model
    return pickle.loads(data)
