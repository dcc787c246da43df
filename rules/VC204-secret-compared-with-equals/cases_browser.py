"""VC204 corpus: in a file that drives a browser, a session id names a tab's DevTools session, not a login."""
from cdp_use import CDPClient


class RecordingWatchdog:
    def __init__(self, client: CDPClient):
        self.client = client
        self._current_session_id = None

    async def start(self):
        cdp_session = await self.client.attach()
        # ok: VC204 -- which tab's debugging session is being recorded
        if self._current_session_id == cdp_session.session_id:
            return
        self._current_session_id = cdp_session.session_id

    def on_frame(self, event, session_id):
        # ok: VC204 -- a frame from another tab's session
        if self._current_session_id and session_id != self._current_session_id:
            return
        self.client.ack(event, session_id)

    def resume(self, request, store):
        # expect: VC204 -- still read from the request: the client's session id against a stored one
        return request.session_id == store.session_id

    def check_token(self, presented):
        # expect: VC204 -- a token is no browser session's id
        return presented == self.client.token
