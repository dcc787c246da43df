from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("postgresql+psycopg://tracker@db/tracker")
SessionLocal = sessionmaker(bind=engine)
