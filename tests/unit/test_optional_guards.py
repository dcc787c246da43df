"""Which annotations admit None, and which dependencies unknown to the checked files are open by their names."""

from __future__ import annotations

import libcst as cst
import pytest

from vibecheck.analysis.app_model.names import OPTIONAL_MARK, open_by_name
from vibecheck.analysis.app_model.optional_guards import attaches_to_request, is_optional


@pytest.mark.parametrize(("annotation", "expected"), [
    ("Optional[User]", True), ("User | None", True), ("None | User", True), ("Union[User, None]", True),
    ("typing.Optional[User]", True), ("Annotated[User | None, Depends(f)]", True),
    ("User", False), ("Union[User, Admin]", False), ("Annotated[User, Depends(f)]", False), ("list[User | None]", False),
])
def test_annotations_that_admit_none(annotation: str, expected: bool) -> None:
    assert is_optional(cst.parse_expression(annotation)) is expected


@pytest.mark.parametrize(("ref", "expected"), [
    ("users_kit.optional_current_user", True), ("deps.get_user_or_none", True), ("maybe_user", True),
    (OPTIONAL_MARK + "profiles.load_profile", True),
    ("users_kit.current_user", False), (OPTIONAL_MARK + "users_kit.current_user", False),
    (OPTIONAL_MARK + "get_current_active_user", False), ("deps.load_profile", False),
])
def test_dependencies_open_by_their_names(ref: str, expected: bool) -> None:
    assert open_by_name(ref) is expected


@pytest.mark.parametrize(("target", "expected"), [
    ("g.user", True), ("request.state.user", True), ("flask.g.account", True), ("request.account", True),
    ("self.user", False), ("user.role", False),
])
def test_assignments_that_attach_the_caller_to_the_request(target: str, expected: bool) -> None:
    assert attaches_to_request(cst.parse_expression(target)) is expected
