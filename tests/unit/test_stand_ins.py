"""A stand-in module (`vibecheck.integrations.stand_ins`) is the real module as soon as anything reads from it."""

from __future__ import annotations

import subprocess
import sys


def _run(probe: str) -> str:
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()


def test_a_stand_in_imports_the_real_module_at_its_first_use() -> None:
    probe = """
import importlib.util, sys
from vibecheck.integrations.stand_ins import StandIn, stand_in_for
stand_in_for(["json", "email.mime"])
import json
from email import mime
print(type(json) is StandIn, type(mime) is StandIn, importlib.util.find_spec("json").origin == json.__file__)
print(json.dumps([1]), "json.decoder" in sys.modules, json.loads is sys.modules["json"].loads)
from email.mime.text import MIMEText
print(mime.text.MIMEText is MIMEText)
"""
    assert _run(probe).splitlines() == ["True True True", "[1] True True", "True"]


def test_a_module_already_imported_or_not_installed_is_left_alone() -> None:
    probe = """
import json, sys
from vibecheck.integrations.stand_ins import stand_in_for
stand_in_for(["json", "no_such_module_here", "no_such_package.child"])
print(sys.modules["json"] is json, "no_such_module_here" in sys.modules, "no_such_package.child" in sys.modules)
"""
    assert _run(probe) == "True False False"
