import pytest
from django.contrib.auth import get_user_model

from support.models import Ticket


@pytest.fixture
def customer(db):
    return get_user_model().objects.create_user("carol", password="pw-carol-123")


@pytest.fixture
def agent(db):
    return get_user_model().objects.create_user("alice", password="pw-alice-123", is_staff=True)


@pytest.fixture
def ticket(customer):
    return Ticket.objects.create(owner=customer, subject="Printer on fire")
