"""Data access through attributes and class methods, as a repository class keeps them."""

import tarfile

from sqlalchemy import text


class OrderRepository:
    def __init__(self, session) -> None:
        self.session = session

    def by_customer(self, customer: str):
        # expect: VC417
        return self.session.execute(text(f"SELECT * FROM orders WHERE customer = '{customer}'")).all()

    def by_customer_bound(self, customer: str):
        # ok: VC417
        return self.session.execute(text("SELECT * FROM orders WHERE customer = :c"), {"c": customer}).all()

    def by_region(self, region: str):
        # expect: VC417
        return self.session.execute(text(f"SELECT * FROM orders WHERE region = '{region}'")).all()

    def by_city(self, city: str):
        # expect: VC417
        return self.session.execute(text("SELECT * FROM orders WHERE city = '" + city + "'")).all()

    @classmethod
    def by_status(cls, session, status: str):
        # expect: VC417
        return session.execute(text("SELECT * FROM orders WHERE status = '%s'" % status)).all()


def restore(archive_path: str, dest: str) -> None:
    with tarfile.open(archive_path) as tar:
        # expect: VC417
        tar.extractall(dest)


def restore_filtered(archive_path: str, dest: str) -> None:
    with tarfile.open(archive_path) as tar:
        # ok: VC417
        tar.extractall(dest, filter="data")
