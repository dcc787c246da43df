import pytest
from rest_framework.test import APIClient


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(username="ana", password="pw-for-tests")


@pytest.fixture
def api(user):
    client = APIClient()
    client.force_authenticate(user=user)
    return client
