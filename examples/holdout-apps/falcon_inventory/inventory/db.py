import os

from sqlalchemy import Column, Integer, Numeric, String, create_engine
from sqlalchemy.orm import declarative_base, sessionmaker

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///inventory.db"))
Session = sessionmaker(bind=engine)
Base = declarative_base()


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    sku = Column(String, unique=True)
    name = Column(String)
    quantity = Column(Integer, default=0)
    price = Column(Numeric(10, 2))
    cost = Column(Numeric(10, 2))
    warehouse_id = Column(Integer)
