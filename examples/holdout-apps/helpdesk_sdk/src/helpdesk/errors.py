class APIError(Exception):
    """Raised when the API answers with an error status."""

    def __init__(self, status: int, message: str, payload: dict | None = None) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.payload = payload or {}


class AuthenticationError(APIError):
    pass


class NotFoundError(APIError):
    pass
