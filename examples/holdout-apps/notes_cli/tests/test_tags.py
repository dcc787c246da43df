import pytest

from notecli.tags import TagError, normalise_tag, parse_tags


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no tags here", []),
        ("#a #b #a", ["a", "b"]),
        ("Mixed #Case and #case", ["case"]),
        ("trailing #tag.", ["tag"]),
    ],
)
def test_parse_tags(text, expected):
    assert parse_tags(text) == expected


@pytest.mark.parametrize("text", ["#", "a # b", "end #"])
def test_parse_tags_rejects_empty(text):
    # ok: VC305
    with pytest.raises(TagError, match="empty tag"):
        parse_tags(text)


def test_parse_tags_lone_hash():
    # expect: VC305
    with pytest.raises(Exception):
        tags = parse_tags("a # b")
        # expect: VC304 -- marked after the first run: the assertion after the raising call never runs
        assert tags == []


def test_normalise_rejects_spaces():
    with pytest.raises(TagError):
        normalise_tag("two words")
        # ok: VC304/VC305 -- corrected after the first run: `assert False` after the call fails the test when it does not raise
        assert False, "normalise_tag accepted a space"


def test_normalise_strips_hash():
    with pytest.raises(TagError) as excinfo:
        normalise_tag("#")
    # ok: VC303
    assert "invalid tag" in str(excinfo.value)


# expect: VC306/VC311
@pytest.mark.parametrize("tag", [])
def test_normalise_accepts_valid(tag):
    assert normalise_tag(tag) == tag.lower()


# expect: VC306
@pytest.mark.skip(reason="")
def test_normalise_unicode():
    assert normalise_tag("#café") == "café"


@pytest.mark.parametrize("tag", ["#Work", "work", "  WORK "])
def test_normalise_variants(tag):
    # ok: VC304
    assert normalise_tag(tag) == "work"


def test_parse_long_tag():
    tags = parse_tags("#" + "x" * 40)
    # expect: VC310
    assert tags is not None
