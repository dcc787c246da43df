"""Motor client and Beanie initialisation."""

from beanie import init_beanie
from motor.motor_asyncio import AsyncIOMotorClient

from bookings.config import settings
from bookings.models import ApiKey, Booking, Room, User

client: AsyncIOMotorClient | None = None


async def init_db(mongo_client: AsyncIOMotorClient | None = None) -> None:
    global client
    client = mongo_client or AsyncIOMotorClient(settings.mongo_url)
    await init_beanie(database=client[settings.db_name], document_models=[User, ApiKey, Room, Booking])


def raw_db():
    """The Motor database, for the few queries Beanie does not cover (aggregations, reports)."""
    assert client is not None, "init_db() was not called"
    return client[settings.db_name]
