from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import select, text

from ...models import Patient
from ...schemas import PatientIn
from ...security import CurrentUser, DbSession, StaffUser

router = APIRouter(prefix="/patients", tags=["patients"])

SORTABLE = {"last_name": Patient.last_name, "date_of_birth": Patient.date_of_birth}


@router.get("/search")
async def search_patients(
    db: DbSession,
    staff: StaffUser,
    q: str = Query("", max_length=100),
    sort: str = "last_name",
) -> list[dict]:
    sql = "SELECT id, first_name, last_name, date_of_birth FROM patients WHERE 1=1"
    if q:
        sql += f" AND (last_name ILIKE '%{q}%' OR first_name ILIKE '%{q}%')"
    sql += f" ORDER BY {sort} LIMIT 50"
    # expect: VC402/VC422
    rows = (await db.execute(text(sql))).mappings().all()
    return [dict(r) for r in rows]


@router.get("/by-name")
async def patients_by_name(db: DbSession, staff: StaffUser, last_name: str) -> list[dict]:
    stmt = text("SELECT id, first_name, last_name FROM patients WHERE last_name ILIKE :pattern LIMIT 50")
    # ok: VC402/VC422
    rows = (await db.execute(stmt, {"pattern": f"%{last_name}%"})).mappings().all()
    return [dict(r) for r in rows]


@router.get("/sorted")
async def sorted_patients(db: DbSession, staff: StaffUser, order: str = "last_name") -> list[Patient]:
    column = SORTABLE.get(order, Patient.last_name)
    # ok: VC422
    result = await db.execute(select(Patient).order_by(column).limit(50))
    return list(result.scalars())


@router.get("/export")
async def export_patients(db: DbSession, staff: StaffUser, columns: str = "id,last_name") -> list[dict]:
    # expect: VC422
    result = await db.execute(select(Patient).with_only_columns(text(columns)))
    return [dict(row._mapping) for row in result]


@router.get("/{patient_id}")
async def get_patient(patient_id: int, db: DbSession, user: CurrentUser) -> Patient:
    # expect: VC214
    patient = await db.get(Patient, patient_id)
    if patient is None:
        raise HTTPException(status_code=404, detail="Patient not found")
    return patient


@router.get("/mine/{patient_id}")
async def get_my_patient(patient_id: int, db: DbSession, user: CurrentUser) -> Patient:
    stmt = select(Patient).where(Patient.id == patient_id, Patient.user_id == user.id)
    # ok: VC214
    patient = (await db.execute(stmt)).scalar_one_or_none()
    if patient is None:
        raise HTTPException(status_code=404, detail="Patient not found")
    return patient


@router.post("/", status_code=201)
async def create_patient(body: PatientIn, db: DbSession, user: CurrentUser) -> Patient:
    # ok: VC215
    patient = Patient(**body.model_dump(), user_id=user.id)
    db.add(patient)
    await db.commit()
    await db.refresh(patient)
    return patient


# expect: VC201
@router.delete("/{patient_id}", status_code=204)
async def delete_patient(patient_id: int, db: DbSession) -> None:
    patient = await db.get(Patient, patient_id)
    if patient:
        await db.delete(patient)
        await db.commit()
