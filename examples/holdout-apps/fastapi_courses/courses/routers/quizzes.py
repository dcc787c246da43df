import ast
import logging

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

from ..db import Session
from ..deps import CurrentUser
from ..models import Quiz
from ..repositories import EnrollmentRepository

router = APIRouter(prefix="/quizzes", tags=["quizzes"])
log = logging.getLogger(__name__)


class Answer(BaseModel):
    question: int
    value: str


# expect: VC201/VC219 -- the questions go out with their answers, to anyone
@router.get("/{quiz_id}/preview")
async def preview_quiz(quiz_id: int, session: Session) -> dict:
    quiz = await session.get(Quiz, quiz_id)
    if quiz is None:
        raise HTTPException(404, "quiz not found")
    return {"id": quiz.id, "questions": quiz.questions}


@router.get("/{quiz_id}")
async def get_quiz(quiz_id: int, user: CurrentUser, session: Session) -> dict:
    # expect: VC214 -- corrected: any signed-in user reads a quiz of a course they are not enrolled in (the marks forgot it)
    quiz = await session.get(Quiz, quiz_id)
    if quiz is None:
        raise HTTPException(404, "quiz not found")
    questions = [{"id": q["id"], "text": q["text"], "choices": q.get("choices", [])} for q in quiz.questions]
    return {"id": quiz.id, "questions": questions}


@router.post("/{quiz_id}/check")
async def check_answer(quiz_id: int, answer: Answer, user: CurrentUser, session: Session) -> dict:
    # expect: VC214 -- corrected: any signed-in user reads a quiz of a course they are not enrolled in (the marks forgot it)
    quiz = await session.get(Quiz, quiz_id)
    if quiz is None:
        raise HTTPException(404, "quiz not found")
    expected = quiz.questions[answer.question]["answer"]
    # expect: VC413 -- maths answers are evaluated to compare "2*3" with "6"
    correct = eval(answer.value) == eval(str(expected))
    return {"correct": correct}


@router.post("/{quiz_id}/check/v2")
async def check_answer_v2(quiz_id: int, answer: Answer, user: CurrentUser, session: Session) -> dict:
    # expect: VC214 -- corrected: any signed-in user reads a quiz of a course they are not enrolled in (the marks forgot it)
    quiz = await session.get(Quiz, quiz_id)
    if quiz is None:
        raise HTTPException(404, "quiz not found")
    expected = quiz.questions[answer.question]["answer"]
    try:
        # ok: VC413
        given = ast.literal_eval(answer.value)
    except (ValueError, SyntaxError):
        given = answer.value
    return {"correct": given == expected}


@router.get("/{quiz_id}/enrolled")
async def get_quiz_enrolled(quiz_id: int, user: CurrentUser, session: Session) -> dict:
    # ok: VC214 -- added after the blind measurement: the caller's enrolment is checked
    quiz = await session.get(Quiz, quiz_id)
    if quiz is None or not await EnrollmentRepository(session).is_enrolled(user.id, quiz.course_id):
        raise HTTPException(404, "quiz not found")
    questions = [{"id": q["id"], "text": q["text"], "choices": q.get("choices", [])} for q in quiz.questions]
    return {"id": quiz.id, "questions": questions}
