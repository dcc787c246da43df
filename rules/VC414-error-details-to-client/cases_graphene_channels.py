"""VC414 corpus (Graphene and Django Channels): a Graphene mutation answers with the payload it returns, and a Channels
consumer answers with the frames it sends (`self.send_json(...)`)."""
import logging

import graphene
import requests
from channels.generic.websocket import AsyncJsonWebsocketConsumer

logger = logging.getLogger(__name__)


class FetchCover(graphene.Mutation):
    class Arguments:
        url = graphene.String(required=True)

    error = graphene.String()

    def mutate(root, info, url):
        try:
            requests.get(url, timeout=5).raise_for_status()
        except requests.RequestException as exc:
            # expect: VC414
            return FetchCover(error=str(exc))
        return FetchCover(error=None)


class SyncCovers(graphene.Mutation):
    error = graphene.String()

    def mutate(root, info):
        try:
            sync_covers()
        except OSError:
            logger.exception("cover sync failed")
            # ok: VC414
            return SyncCovers(error="Cover sync failed, try again later")
        return SyncCovers(error=None)


def cover_report():
    try:
        return build_report()
    except ValueError as exc:
        # ok: VC414 -- a plain helper, not an answer to the client
        return {"error": str(exc)}


class ChatConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs):
        try:
            await self.handle(content)
        except Exception as exc:
            logger.exception("chat failed")
            # expect: VC414
            await self.send_json({"type": "error", "error": str(exc)})

    async def disconnect(self, code):
        try:
            await self.leave()
        except Exception as exc:
            logger.exception("leave failed")
            # ok: VC414
            await self.send_json({"type": "error", "error": "could not leave the room"})
            # expect: VC414
            await self.send(text_data=f"error: {exc}")
