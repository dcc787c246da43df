from unittest import mock

from crm import integrations, repo


# expect: VC303
def test_search_contacts_runs():
    with mock.patch.object(repo, "_fetch", return_value=[]):
        repo.search_contacts(1, "ann")


# expect: VC308
def test_partner_from_token():
    with mock.patch("crm.integrations.partner_from_token", return_value={"partner_id": "p1", "tier": "gold"}):
        assert integrations.partner_from_token("token")["tier"] == "gold"


def test_search_contacts_builds_clause():
    with mock.patch.object(repo, "_fetch", return_value=[{"id": 1}]) as fetch:
        # ok: VC308/VC303
        assert repo.search_contacts(1, "ann") == [{"id": 1}]
    assert "owner_id = 1" in fetch.call_args.args[0]
