from unittest.mock import MagicMock, patch

from rag import search


def test_similar_chunks_passes_vector_as_parameter():
    with patch.object(search, "embed", return_value=[0.1, 0.2]), patch.object(search.psycopg, "connect") as connect:
        conn = connect.return_value.__enter__.return_value
        conn.execute.return_value.fetchall.return_value = [("handbook", "body")]
        rows = search.similar_chunks("vacation policy", k=3)
    assert rows == [("handbook", "body")]
    sql, params = conn.execute.call_args.args
    assert "%s" in sql
    assert params == ([0.1, 0.2], 3)


def test_answer_from_chunks():
    with patch.object(search, "llm") as llm:
        llm.complete.return_value = MagicMock(text="20 days")
        out = search.answer_from_chunks("days off?", [("handbook", "20 days of leave")])
    # ok: VC308 -- corrected after the first run: project code runs, and VC308 reports tests where none does
    assert out == llm.complete.return_value.text


def test_table_answer(tmp_path):
    csv = tmp_path / "a.csv"
    csv.write_text("a,b\n1,2\n")
    with patch.object(search, "PandasQueryEngine") as engine:
        engine.return_value.query.return_value = "3"
        result = search.table_answer(str(csv), "sum?")
    # expect: VC310
    assert result


def test_filtered_answer_calls_search():
    with patch.object(search, "suggested_filter", return_value="doc = 'x'"), \
            patch.object(search, "search_with_filter", return_value=[]) as swf, \
            patch.object(search, "answer_from_chunks", return_value="none"):
        search.filtered_answer("q")
    # expect: VC303/VC304
    swf.assert_called_once


def test_answers_are_strings():
    # expect: VC311
    for question in []:
        assert isinstance(search.answer_from_chunks(question, []), str)
