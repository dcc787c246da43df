from notesync.render import outline, word_count


def test_outline():
    assert outline("# A\ntext\n## B\n") == [(1, "A"), (2, "B")]


def test_word_count():
    assert word_count("one two  three") == 3
