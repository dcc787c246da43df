from unittest import mock

import pytest
from pyramid import testing

from invoices.views import invoices


@pytest.fixture
def request_():
    req = testing.DummyRequest()
    req.dbsession = mock.Mock()
    req.identity = mock.Mock(id=1)
    return req


def test_list_invoices(request_):
    request_.dbsession.scalars.return_value.all.return_value = []
    # ok: VC310/VC308 -- checks the view's answer
    assert invoices.list_invoices(request_) == []


def test_show_invoice(request_):
    request_.matchdict = {"id": "3"}
    request_.dbsession.get.return_value = mock.Mock(id=3, customer="acme", amount=10, notes="")
    result = invoices.show_invoice(request_)
    # expect: VC310 -- truthiness only
    assert result is not None


# expect: VC306 -- no reason given
@pytest.mark.skip
def test_delete_invoice(request_):
    request_.matchdict = {"id": "3"}
    invoices.delete_invoice(request_)
    request_.dbsession.delete.assert_called_once()
