"""Start the bot with long polling."""

from __future__ import annotations

import asyncio

from aiogram import Bot, Dispatcher

from .handlers import admin_router, router
from .settings import BOT_TOKEN


async def main() -> None:
    bot = Bot(BOT_TOKEN)
    dp = Dispatcher()
    dp.include_routers(admin_router, router)
    await dp.start_polling(bot)


asyncio.run(main())
