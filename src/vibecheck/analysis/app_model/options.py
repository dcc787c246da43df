"""The options that decide what counts as a guard: VC201's `Options`, shared with the model's collector."""

from __future__ import annotations

from dataclasses import dataclass

from vibecheck.analysis.app_model import frameworks as fw


@dataclass(frozen=True)
class GuardOptions:
    guard_decorators: tuple[str, ...] = fw.GUARD_DECORATORS
    extend_guard_decorators: tuple[str, ...] = ()
    guard_mixins: tuple[str, ...] = fw.GUARD_MIXINS
    extend_guard_mixins: tuple[str, ...] = ()
    guard_dependencies: tuple[str, ...] = fw.GUARD_DEPENDENCIES
    extend_guard_dependencies: tuple[str, ...] = ()
    in_body_checks: tuple[str, ...] = fw.IN_BODY_CHECKS
    extend_in_body_checks: tuple[str, ...] = ()
    public_decorators: tuple[str, ...] = fw.PUBLIC_DECORATORS
    extend_public_decorators: tuple[str, ...] = ()
    public_paths: tuple[str, ...] = fw.PUBLIC_PATHS
    extend_public_paths: tuple[str, ...] = ()
    sensitive_paths: str = fw.SENSITIVE_PATHS
    guess_guards_from_names: bool = True
    drf_default_is_open: bool = False
