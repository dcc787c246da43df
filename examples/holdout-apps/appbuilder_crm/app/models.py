from flask_appbuilder import Model
from flask_appbuilder.models.mixins import AuditMixin
from sqlalchemy import Column, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import relationship


class Company(Model):
    id = Column(Integer, primary_key=True)
    name = Column(String(150), unique=True, nullable=False)
    website = Column(String(255))

    def __repr__(self):
        return self.name


class Contact(AuditMixin, Model):
    id = Column(Integer, primary_key=True)
    name = Column(String(150), nullable=False)
    email = Column(String(150))
    phone = Column(String(50))
    company_id = Column(Integer, ForeignKey("company.id"))
    company = relationship("Company")
    notes = Column(Text, default="")

    def __repr__(self):
        return self.name


class Deal(AuditMixin, Model):
    id = Column(Integer, primary_key=True)
    title = Column(String(200), nullable=False)
    contact_id = Column(Integer, ForeignKey("contact.id"), nullable=False)
    contact = relationship("Contact")
    amount = Column(Numeric(12, 2), default=0)
    stage = Column(String(30), default="lead")
    discount_pct = Column(Integer, default=0)
    close_date = Column(Date)
