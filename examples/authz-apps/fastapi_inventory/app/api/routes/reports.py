from fastapi import APIRouter

from app.api.deps import CurrentUser, SessionDep
from app.models import Report

router = APIRouter(prefix="/reports", tags=["reports"])


# expect: VC219 -- `private_router` runs `get_optional_user`, which lets a caller without a token in
@router.get("/{report_id}")
def get_report(report_id: int, session: SessionDep):
    return session.get(Report, report_id)


@router.post("/{report_id}/share")
def share_report(report_id: int, session: SessionDep, current_user: CurrentUser):
    report = session.query(Report).filter(Report.id == report_id, Report.owner_id == current_user.id).first()
    report.shared = True
    session.commit()
    return report
