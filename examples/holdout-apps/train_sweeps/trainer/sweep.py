"""Launch a grid sweep of distributed training runs."""

from __future__ import annotations

import itertools
import shlex
import subprocess
import sys

GRID = {"lr": [0.1, 0.03, 0.01], "batch_size": [64, 128]}


def launch(nproc: int, config_path: str, overrides: dict) -> int:
    extra = " ".join(f"--{k}={v}" for k, v in overrides.items())
    cmd = f"torchrun --nproc_per_node={nproc} -m trainer.train --config {config_path} {extra}"
    # expect: VC408, VC108
    proc = subprocess.run(cmd, shell=True)
    return proc.returncode


def launch_argv(nproc: int, config_path: str, overrides: dict) -> int:
    argv = ["torchrun", f"--nproc_per_node={nproc}", "-m", "trainer.train", "--config", config_path]
    argv += [f"--{k}={v}" for k, v in overrides.items()]
    # ok: VC408
    proc = subprocess.run(argv, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"run failed: {shlex.join(argv)}")
    return proc.returncode


def main() -> None:
    config_path = sys.argv[1] if len(sys.argv) > 1 else "configs/resnet.yaml"
    for values in itertools.product(*GRID.values()):
        launch(2, config_path, dict(zip(GRID, values)))


if __name__ == "__main__":
    main()
