from .client import HelpdeskClient
from .errors import APIError, AuthenticationError, NotFoundError
from .models import Comment, Ticket

__all__ = ["HelpdeskClient", "APIError", "AuthenticationError", "NotFoundError", "Ticket", "Comment"]
