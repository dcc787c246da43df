"""What the shell rules (VC408, VC421) share: the shells and their script flags, and the calls that run a command in a
container or a pod, where only a shell they are told to start reads the command as shell code."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from vibecheck.literals import string_value

SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "/bin/sh", "/bin/bash", "/usr/bin/bash", "/bin/zsh", "cmd",
                    "cmd.exe", "powershell", "pwsh"})
SHELL_FLAGS = frozenset({"-c", "/c", "-Command", "-lc"})
# docker's `container.exec_run(cmd)` (a string is split into words, no shell) -> the keyword of its command; the
# Kubernetes client's pod exec, called directly or through `stream(api.connect_get_namespaced_pod_exec, ...,
# command=[...])`, runs the words of `command=` as they are.
CONTAINER_EXEC_METHODS = {"exec_run": "cmd"}
POD_EXEC_METHODS = frozenset({"connect_get_namespaced_pod_exec", "connect_post_namespaced_pod_exec"})
POD_EXEC_STREAMS = frozenset({"kubernetes.stream.stream", "kubernetes.stream.stream.stream"})


def starts_a_shell(command: cst.BaseExpression) -> bool:
    """A command string whose literal start runs a shell on the rest: `f"sh -c '{cmd}'"`, `"bash -c " + cmd`."""
    while type(command) is cst.BinaryOperation and type(command.operator) is cst.Add:
        command = command.left
    if type(command) is cst.FormattedString:
        first = command.parts[0] if command.parts else None
        text = first.value if type(first) is cst.FormattedStringText else None
    else:
        text = string_value(command)
    words = (text or "").split()
    return len(words) >= 2 and words[0] in SHELLS and words[1] in SHELL_FLAGS


def shell_script(words: Sequence[cst.BaseExpression]) -> cst.BaseExpression | None:
    """The script of an argument list that starts a shell on it (`["bash", "-c", script]`), or None."""
    if len(words) >= 3 and string_value(words[0]) in SHELLS and string_value(words[1]) in SHELL_FLAGS:
        return words[2]
    return None
