"""Engine and session for the tenants database."""

import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

# expect: VC403
DEFAULT_URL = "postgresql://tenant_admin:Tn4nt-Adm1n-2024!@db.internal:5432/tenants"

engine = create_engine(os.environ.get("TENANTS_DATABASE_URL", DEFAULT_URL), pool_pre_ping=True)
Session = sessionmaker(bind=engine)
