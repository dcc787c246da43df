"""VC410 corpus: a URL class filling its own parts keeps the userinfo of an address in memory, not a record."""


class URL:
    @classmethod
    def from_parts(cls, scheme=None, host=None, port=None, username=None, password=None):
        ret = cls()
        ret.scheme = scheme
        ret.host = host
        ret.port = port
        ret.username = username
        # ok: VC410 -- the password part of the URL being built (boltons 26.2.0's urlutils.URL.from_parts)
        ret.password = password
        return ret


class DatabaseUri:
    def with_password(self, password):
        copy = DatabaseUri()
        # ok: VC410 -- a copy of the address with other userinfo
        copy.password = password
        return copy


class Account:
    @classmethod
    def register(cls, email, password):
        account = cls()
        account.email = email
        # expect: VC410 -- a record of the project keeps the password as given
        account.password = password
        account.save()
        return account


class UrlRegistry:
    def add(self, user, password):
        # expect: VC410 -- a class that only holds URLs still stores a user's password on a record
        user.password = password
        user.save()


class furl:
    def __init__(self, url="", host=None, username=None, password=None):
        # ok: VC410 -- the URL object setting its own parts (furl 2.1.4's furl.__init__, PyPI sample 22)
        self.set(host=host, username=username, password=password)

    def remember(self, store, password):
        # expect: VC410 -- another object's setter in a URL class still keeps the password
        store.set(username=self.username, password=password)


class AccountForm:
    def __init__(self, username=None, password=None):
        # expect: VC410 -- a class that is no address setting a password on itself
        self.set(username=username, password=password)
