"""Factories the routes call or inject: what each returns is known from its body, not from an annotation."""

from .runner import Archiver, Runner

_RUNNER = None


def get_runner():
    return Runner("/srv/jobs")


def get_cached_runner():
    global _RUNNER
    if _RUNNER is None:
        _RUNNER = get_runner()
    return _RUNNER


def get_archiver():
    archiver = Archiver()
    return archiver


def runner_dependency():
    runner = Runner("/srv/tmp")
    try:
        yield runner
    finally:
        runner.cwd = "/srv"
