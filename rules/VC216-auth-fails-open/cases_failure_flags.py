"""VC216 corpus: a function that answers whether the check failed returns True from the `except` on purpose."""
from django.core.exceptions import PermissionDenied

from .permissions import check_files_edit_permissions, check_folder_read_permissions, verify_token


class FolderAdmin:
    def _check_move_perms(self, request, files, folders):
        try:
            check_folder_read_permissions(request, folders)
            check_files_edit_permissions(request, files)
        # ok: VC216 -- True means "permissions needed": the caller refuses the move on it
        except PermissionDenied:
            return True
        return False

    def move_files(self, request, files, folders):
        perms_needed = self._check_move_perms(request, files, folders)
        if perms_needed:
            raise PermissionDenied
        return folders


def is_authorized(request):
    try:
        check_folder_read_permissions(request, [])
    # expect: VC216 -- the check's failure answers True, as its success does
    except PermissionDenied:
        return True
    return True


def check_token(token):
    try:
        verify_token(token)
    # expect: VC216 -- nothing after the `try` says False: a failed check is let in
    except PermissionDenied:
        return True
    return token is not None
