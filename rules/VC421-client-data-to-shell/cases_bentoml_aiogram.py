"""VC421 corpus: a BentoML service's API arguments and an aiogram command's words reach a shell; the server's own
parameters, an allowlist and argument lists do not."""
import asyncio
import os
import shlex
import subprocess

import bentoml
from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

router = Router()
REPORTS = {"daily": ["make", "daily"], "weekly": ["make", "weekly"]}


@bentoml.service
class Trainer:
    def __init__(self) -> None:
        self.data_dir = "/srv/data"

    @bentoml.api
    def retrain(self, dataset: str) -> dict:
        # expect: VC421
        subprocess.run(f"python -m train --data {dataset}", shell=True, check=True)
        return {"ok": True}

    @bentoml.api(route="/export")
    def export(self, name: str, ctx: bentoml.Context) -> dict:
        # expect: VC421
        os.system("tar czf /tmp/export.tgz " + name)
        return {"ok": True}

    @bentoml.api
    def report(self, kind: str) -> dict:
        argv = REPORTS.get(kind)
        if argv is None:
            return {"error": "unknown"}
        # ok: VC421 -- an argument list taken from a table
        subprocess.run(argv, check=True)
        return {"ok": True}

    @bentoml.api
    def quoted(self, name: str) -> dict:
        # ok: VC421 -- quoted for the shell
        subprocess.run(f"ls {shlex.quote(name)}", shell=True, check=True)
        return {"ok": True}

    def refresh(self, folder: str) -> None:
        # ok: VC421 -- no API method: the service's own code calls it
        subprocess.run(f"rsync -a {folder} {self.data_dir}", shell=True, check=True)


@router.message(Command("track"))
async def track(message: Message, command: CommandObject):
    # expect: VC421
    proc = await asyncio.create_subprocess_shell("track-parcel --carrier " + (command.args or ""))
    await message.answer(f"Tracking started: {await proc.wait()}")


@router.message(Command("uptime"))
async def uptime(message: Message, command: CommandObject):
    # ok: VC421 -- an argument list that takes none of the command's words
    proc = await asyncio.create_subprocess_exec("/usr/bin/uptime", stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    await message.answer(out.decode() + str(message.from_user.id) + str(command.command))
