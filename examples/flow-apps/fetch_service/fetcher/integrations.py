"""Subclasses of the clients' base classes: the attributes their methods use are bound in `clients.py`."""

from .clients import LedgerBase, PartnerBase

PARTNER_API = "https://partner.example.com"


class PartnerSync(PartnerBase):
    def push(self, target: str):
        # expect: VC417 -- `self.api` is the session `PartnerBase.__init__` binds in another module
        return self.api.post(target, json={"token": self.token}, timeout=5)

    def item(self, item_id: str):
        # ok: VC417 -- the host is fixed before the client's text
        return self.api.get(f"{PARTNER_API}/items/{item_id}", timeout=5)


class LedgerView(LedgerBase):
    def entry(self, key: str):
        # ok: VC417 -- `self.ledger` is a dict, whatever the method is called
        return self.ledger.get(key)
