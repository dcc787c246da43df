from sqlalchemy import Boolean, Column, ForeignKey, Integer, Numeric, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Merchant(Base):
    __tablename__ = "merchants"
    id = Column(Integer, primary_key=True)
    name = Column(String(120))
    api_key_hash = Column(String(128))
    webhook_url = Column(String(300))
    is_admin = Column(Boolean, default=False)


class Payout(Base):
    __tablename__ = "payouts"
    id = Column(Integer, primary_key=True)
    merchant_id = Column(Integer, ForeignKey("merchants.id"))
    amount = Column(Numeric(12, 2))
    currency = Column(String(3))
    status = Column(String(20), default="pending")
    iban = Column(String(34))
