from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from .models import Enrollment, Submission


class SubmissionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def for_student(self, student_id: int) -> list[Submission]:
        result = await self.session.execute(select(Submission).where(Submission.student_id == student_id))
        return list(result.scalars())

    async def gradebook(self, course_id: int, order_by: str) -> list[dict]:
        sql = (
            "SELECT u.email, a.title, s.grade FROM submissions s "
            "JOIN assignments a ON a.id = s.assignment_id JOIN users u ON u.id = s.student_id "
            f"WHERE a.course_id = {course_id} ORDER BY {order_by}"
        )
        # expect: VC402/VC422/VC417
        rows = await self.session.execute(text(sql))
        return [dict(row._mapping) for row in rows]

    async def gradebook_safe(self, course_id: int, order_by: str) -> list[dict]:
        column = {"email": "u.email", "grade": "s.grade"}.get(order_by, "u.email")
        sql = (
            "SELECT u.email, a.title, s.grade FROM submissions s "
            "JOIN assignments a ON a.id = s.assignment_id JOIN users u ON u.id = s.student_id "
            f"WHERE a.course_id = :course_id ORDER BY {column}"
        )
        # ok: VC402/VC422
        rows = await self.session.execute(text(sql), {"course_id": course_id})
        return [dict(row._mapping) for row in rows]


class EnrollmentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def is_enrolled(self, student_id: int, course_id: int) -> bool:
        stmt = select(Enrollment).where(
            Enrollment.student_id == student_id, Enrollment.course_id == course_id, Enrollment.paid.is_(True)
        )
        return (await self.session.execute(stmt)).first() is not None
