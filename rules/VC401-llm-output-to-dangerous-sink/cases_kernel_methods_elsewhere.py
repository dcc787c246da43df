"""VC401 corpus: `invoke_prompt` and `get_chat_message_content` in a module that imports no Semantic Kernel are some
other library's methods (a form builder's prompt, a support desk's stored message)."""
import subprocess

from helpdesk import Desk, Wizard


def run_wizard(wizard: Wizard, step: str) -> None:
    value = wizard.invoke_prompt(step)
    # ok: VC401 -- a wizard's prompt for its user, no model
    subprocess.run(value, shell=True, check=True)


def replay(desk: Desk, ticket: int) -> None:
    message = desk.get_chat_message_content(ticket)
    # ok: VC401 -- a stored chat message
    eval(message)
