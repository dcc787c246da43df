import reflex as rx

from reports.db import get_connection


def title_search_sql(term: str) -> str:
    return f"SELECT id, title FROM documents WHERE title LIKE '%{term}%'"


class SearchState(rx.State):
    term: str = ""
    rows: list[tuple] = []

    def search(self) -> None:
        with get_connection() as conn:
            # expect: VC417 -- the browser sets `term`; the literal in the class body is only its first value
            self.rows = conn.execute(title_search_sql(self.term)).fetchall()

    def recent(self) -> None:
        with get_connection() as conn:
            # ok: VC417 -- a literal for the helper to paste
            self.rows = conn.execute(title_search_sql("release notes")).fetchall()
