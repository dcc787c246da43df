from collections.abc import AsyncIterator

from litestar import Litestar, get
from litestar.di import Provide
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from . import settings
from .devices import DeviceController, device_location, reassign_device
from .ingest import ingest_telemetry, ingest_telemetry_v2, upload_firmware, upload_firmware_v2
from .models import Base

engine = create_async_engine(settings.DATABASE_URL)
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)


async def provide_db_session() -> AsyncIterator[AsyncSession]:
    async with SessionLocal() as session:
        yield session


async def create_tables() -> None:
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)


# ok: VC201
@get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


# expect: VC211
app = Litestar(
    route_handlers=[
        DeviceController,
        reassign_device,
        device_location,
        ingest_telemetry,
        ingest_telemetry_v2,
        upload_firmware,
        upload_firmware_v2,
        healthz,
    ],
    dependencies={"db_session": Provide(provide_db_session)},
    on_startup=[create_tables],
    debug=True,
)
