import pytest
from hypothesis import given
from hypothesis import strategies as st

from blog.rendering import author_badge, render_body


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ("<strong>ok</strong>", "<strong>ok</strong>"),
    ],
)
def test_render_body_cleans(body: str, expected: str) -> None:
    assert render_body(body) == expected


@given(st.text())
def test_badge_never_contains_raw_tags(name: str) -> None:
    html = author_badge(name, 3)
    assert "<script" not in html.lower().replace('<span class="badge"', "")
