from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from ninja_extra import ControllerBase, api_controller, http_get, http_put
from ninja_extra.permissions import AllowAny, IsAuthenticated

from .models import Board, Card, Workspace
from .teams import workspace_for


@api_controller("/boards", permissions=[IsAuthenticated])
class BoardController(ControllerBase):
    @http_get("/{board_id}")
    def board(self, board_id: int):
        # expect: VC214 -- the controller signs the caller in; the board is anyone's
        return get_object_or_404(Board, id=board_id).title

    @http_put("/cards/{card_id}")
    def move_card(self, card_id: int, column: str):
        # expect: VC214
        card = Card.objects.get(pk=card_id)
        card.column = column
        card.save()

    @http_get("/{board_id}/mine")
    def my_board(self, board_id: int):
        # ok: VC214 -- scoped to the caller
        return get_object_or_404(Board, id=board_id, owner=self.context.request.user).title

    @http_get("/{board_id}/workspace")
    def workspace_board(self, board_id: int):
        workspace = workspace_for(self.context.request)
        # ok: VC214 -- scoped to the workspace a helper found for the caller's request
        return get_object_or_404(Board, id=board_id, workspace=workspace).title

    @http_get("/{board_id}/preview", permissions=[AllowAny])
    def preview(self, board_id: int):
        # ok: VC214 -- its own `[AllowAny]`: nobody is signed in to be scoped to
        return get_object_or_404(Board, id=board_id, public=True).title


@login_required
def workspace_board_view(request, board_id):
    workspace = workspace_for(request)
    # ok: VC214 -- the workspace a helper handed the request found
    return get_object_or_404(Board, id=board_id, workspace=workspace)


@login_required
def chosen_workspace_board_view(request, board_id):
    workspace = Workspace.objects.get(pk=request.GET["workspace"])
    # expect: VC214 -- the workspace the client picks is looked up, not found for the caller
    return get_object_or_404(Board, id=board_id, workspace=workspace)
