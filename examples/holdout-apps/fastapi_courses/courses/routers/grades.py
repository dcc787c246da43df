from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel
from sqlalchemy import select

from ..db import Session
from ..deps import CurrentUser, Teacher
from ..models import Assignment, Course, Submission
from ..repositories import SubmissionRepository

router = APIRouter(prefix="/grades", tags=["grades"])


class GradeIn(BaseModel):
    grade: float
    feedback: str | None = None


@router.get("/students/{student_id}")
async def student_grades(student_id: int, user: CurrentUser, session: Session) -> list[dict]:
    # expect: VC214 -- any student reads any other student's grades
    submissions = await SubmissionRepository(session).for_student(student_id)
    return [{"assignment": s.assignment_id, "grade": s.grade, "feedback": s.feedback} for s in submissions]


@router.get("/me")
async def my_grades(user: CurrentUser, session: Session) -> list[dict]:
    # ok: VC214
    submissions = await SubmissionRepository(session).for_student(user.id)
    return [{"assignment": s.assignment_id, "grade": s.grade, "feedback": s.feedback} for s in submissions]


@router.put("/submissions/{submission_id}")
async def grade_submission(submission_id: int, body: GradeIn, teacher: Teacher, session: Session) -> dict:
    # expect: VC214 -- a teacher of another course grades this submission
    submission = await session.get(Submission, submission_id)
    if submission is None:
        raise HTTPException(404, "submission not found")
    submission.grade = body.grade
    submission.feedback = body.feedback
    await session.commit()
    return {"id": submission.id, "grade": submission.grade}


@router.put("/v2/submissions/{submission_id}")
async def grade_submission_v2(submission_id: int, body: GradeIn, teacher: Teacher, session: Session) -> dict:
    stmt = (
        select(Submission)
        .join(Assignment, Assignment.id == Submission.assignment_id)
        .join(Course, Course.id == Assignment.course_id)
        # ok: VC214
        .where(Submission.id == submission_id, Course.teacher_id == teacher.id)
    )
    submission = (await session.execute(stmt)).scalar_one_or_none()
    if submission is None:
        raise HTTPException(404, "submission not found")
    submission.grade = body.grade
    submission.feedback = body.feedback
    await session.commit()
    return {"id": submission.id, "grade": submission.grade}


@router.patch("/submissions/{submission_id}")
async def update_submission(submission_id: int, request: Request, user: CurrentUser, session: Session) -> dict:
    submission = await session.get(Submission, submission_id)
    if submission is None or submission.student_id != user.id:
        raise HTTPException(404, "submission not found")
    data = await request.json()
    for key, value in data.items():
        # expect: VC215 -- the student sets their own grade
        setattr(submission, key, value)
    await session.commit()
    return {"id": submission.id, "grade": submission.grade}


@router.get("/courses/{course_id}/gradebook")
async def gradebook(course_id: int, teacher: Teacher, session: Session, order: str = "u.email") -> list[dict]:
    course = await session.get(Course, course_id)
    if course is None or course.teacher_id != teacher.id:
        raise HTTPException(404, "course not found")
    return await SubmissionRepository(session).gradebook(course_id, order)


@router.get("/courses/{course_id}/gradebook/v2")
async def gradebook_v2(course_id: int, teacher: Teacher, session: Session, order: str = "email") -> list[dict]:
    course = await session.get(Course, course_id)
    if course is None or course.teacher_id != teacher.id:
        raise HTTPException(404, "course not found")
    return await SubmissionRepository(session).gradebook_safe(course_id, order)
