"""The Textual console: pick a host, run service actions, read logs."""

from __future__ import annotations

import asyncio
import time

from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Footer, Header, Input, Log, Select

from . import history, metrics, remote, shell
from .config import load_hosts


class OpsConsole(App):
    CSS_PATH = "console.tcss"
    BINDINGS = [("q", "quit", "Quit"), ("r", "refresh", "Refresh")]

    def __init__(self) -> None:
        super().__init__()
        self.hosts = {h.name: h for h in load_hosts()}
        self.entries = history.load_history()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Select([(name, name) for name in self.hosts], id="host")
        with Horizontal():
            yield Input(placeholder="service or command", id="cmd")
            yield Button("Restart", id="restart")
            yield Button("Run", id="run")
            yield Button("Grep", id="grep")
        yield Log(id="out")
        yield Footer()

    @property
    def out(self) -> Log:
        return self.query_one("#out", Log)

    @on(Button.Pressed, "#restart")
    def on_restart(self) -> None:
        name = self.query_one("#cmd", Input).value
        self.out.write_line(shell.restart_service(name))

    @on(Button.Pressed, "#run")
    async def on_run(self) -> None:
        command = self.query_one("#cmd", Input).value
        host = self.hosts[self.query_one("#host", Select).value]
        self.entries.append(command)
        # expect: VC110/VC112
        output = remote.run_remote(host, command)
        self.out.write_line(output)

    @on(Button.Pressed, "#grep")
    def on_grep(self) -> None:
        pattern = self.query_one("#cmd", Input).value
        self.out.write_line(shell.grep_logs(pattern))

    @work(thread=True)
    def tail_selected(self, unit: str) -> None:
        text = shell.tail_journal(unit)
        self.call_from_thread(self.out.write_line, text)

    async def action_refresh(self) -> None:
        # expect: VC113
        asyncio.create_task(self.poll_alerts())

    async def poll_alerts(self) -> None:
        while True:
            try:
                for alert in await asyncio.to_thread(metrics.alerts):
                    self.out.write_line(f"ALERT {alert['name']}: {alert['state']}")
            # expect: VC101
            except Exception:
                pass
            # expect: VC110
            time.sleep(30)

    async def check_hosts(self) -> None:
        for name, host in self.hosts.items():
            ok = await asyncio.to_thread(remote.reachable, host)
            self.out.write_line(f"{name}: {'up' if ok else 'DOWN'}")
            # ok: VC110
            await asyncio.sleep(0.1)

    def on_unmount(self) -> None:
        history.save_history(self.entries)


def main() -> None:
    OpsConsole().run()
