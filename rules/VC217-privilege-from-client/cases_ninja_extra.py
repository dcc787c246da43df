from ninja import Schema
from ninja_extra import ControllerBase, api_controller, http_patch, http_post
from ninja_extra.permissions import IsAuthenticated

from .models import Seat


class SeatIn(Schema):
    email: str
    role: str = "viewer"


@api_controller("/seats", permissions=[IsAuthenticated])
class SeatController(ControllerBase):
    @http_post("/")
    def add_seat(self, body: SeatIn):
        # expect: VC217 -- the body's role becomes the new member's
        return Seat.objects.create(email=body.email, role=body.role).id

    @http_patch("/{seat_id}")
    def set_role(self, seat_id: int, body: SeatIn):
        seat = Seat.objects.get(id=seat_id, workspace__owner=self.context.request.user)
        # expect: VC217 -- the body names the role
        seat.role = body.role
        seat.save()

    @http_post("/invite")
    def invite(self, body: SeatIn):
        # ok: VC217 -- invitees start as viewers whatever the body says
        return Seat.objects.create(email=body.email, role="viewer").id
