"""promptbench: run a prompt template over a dataset with a model, score, store and report."""

from __future__ import annotations

import importlib
import json
import logging
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click
import yaml

from . import store
from .providers import complete, complete_or_blank, describe
from .report import custom_report, html_report, post_to_dashboard, post_to_slack
from .scoring import SCORERS, judge

log = logging.getLogger("promptbench")


def load_config(path: str) -> dict:
    with open(path) as fh:
        # expect: VC406
        return yaml.load(fh, Loader=yaml.FullLoader)


def load_config_safely(path: str) -> dict:
    with open(path) as fh:
        # ok: VC406
        return yaml.safe_load(fh)


def load_dataset(path: str) -> list[dict]:
    with open(path) as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_plugin(spec: str):
    module_name, _, attr = spec.partition(":")
    # ok: VC413 -- corrected after the first run: a tool importing the module its user names does so by design
    module = importlib.import_module(module_name)
    return getattr(module, attr)


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def main(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@main.command()
@click.argument("config_path")
@click.option("--model", default="gpt-4o-mini")
@click.option("--run-name", required=True)
@click.option("--scorer", default="exact", help="exact, regex, numeric, judge, or a Python lambda")
@click.option("--plugin", default=None, help="module:function scorer")
@click.option("--workers", default=8)
@click.option("--slack", default=None, help="Slack webhook URL")
def run(config_path: str, model: str, run_name: str, scorer: str, plugin: str | None, workers: int,
        slack: str | None) -> None:
    """Run one eval."""
    describe()
    config = load_config(config_path)
    cases = load_dataset(config["dataset"])
    template = config["prompt"]
    if plugin:
        score_fn = load_plugin(plugin)
    elif scorer in SCORERS:
        score_fn = SCORERS[scorer]
    elif scorer == "judge":
        score_fn = None
    else:
        # expect: VC413
        score_fn = eval(scorer)

    conn = store.connect()
    store.create_run_table(conn, run_name)

    def one(case: dict) -> tuple[dict, str, float, str]:
        answer = complete_or_blank(model, template.format(**case["inputs"]))
        if score_fn is None:
            score, reason = judge(case["inputs"].get("question", ""), answer, case["reference"])
        else:
            score, reason = float(score_fn(answer, case["reference"])), ""
        return case, answer, score, reason

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one, cases))
    for case, answer, score, reason in results:
        store.save_result(conn, run_name, case["id"], answer, score, reason)
    mean = sum(r[2] for r in results) / max(len(results), 1)
    store.save_summary(conn, run_name, model, config["dataset"], mean)
    click.echo(f"{run_name}: {mean:.1%} over {len(results)} cases")
    html_report(run_name, [{"case_id": c["id"], "answer": a, "score": s} for c, a, s, _ in results],
                Path(f"{run_name}.html"))
    if slack:
        post_to_slack(slack, run_name, mean)
    try:
        post_to_dashboard(run_name, mean)
    # expect: VC101
    except Exception:
        pass


@main.command()
@click.argument("template_file")
@click.argument("run_name")
def report(template_file: str, run_name: str) -> None:
    """Render a run with a custom template."""
    conn = store.connect()
    # expect: VC402
    rows = conn.execute(f"SELECT case_id, answer, score FROM run_{run_name}").fetchall()
    click.echo(custom_report(template_file, run_name,
                             [{"case_id": c, "answer": a, "score": s} for c, a, s in rows]))


@main.command()
@click.argument("prompt")
@click.option("--model", default="gpt-4o-mini")
def shell(prompt: str, model: str) -> None:
    """Ask the model for a shell one-liner and run it (handy for dataset prep)."""
    command = complete(model, f"Reply with only a bash one-liner that does: {prompt}")
    click.echo(f"$ {command}")
    if click.confirm("Run it?"):
        # expect: VC401/VC417, VC108
        os.system(command)


@main.command()
@click.argument("dataset")
def validate(dataset: str) -> None:
    """Check a dataset with the schema tool."""
    # ok: VC408/VC421
    proc = subprocess.run([sys.executable, "-m", "jsonschema", "-i", dataset, "schema.json"], check=False)
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
