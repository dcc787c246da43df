class IndexingError(Exception):
    pass


class FetchError(IndexingError):
    pass
