"""A class-based view that keeps the client's query in attributes for its other methods."""

import re

from fastapi import Request


class SearchView:
    def __init__(self, request: Request) -> None:
        self.term = request.query_params["q"]
        self.sort = request.query_params.get("sort", "name")
        self.limit = 10

    def matches(self, text: str):
        # expect: VC417
        return re.findall(self.term, text)

    def escaped_matches(self, text: str):
        # ok: VC417
        return re.findall(re.escape(self.term), text)

    def head(self, text: str):
        # ok: VC417 -- a number the view set itself
        return text[: self.limit]
