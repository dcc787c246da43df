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
