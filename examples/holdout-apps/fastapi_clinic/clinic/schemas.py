from pydantic import BaseModel, EmailStr, HttpUrl


class UserCreate(BaseModel):
    email: EmailStr
    password: str
    full_name: str | None = None
    role: str = "patient"


class UserOut(BaseModel):
    id: int
    email: EmailStr
    full_name: str | None
    role: str


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


class PatientIn(BaseModel):
    first_name: str
    last_name: str
    date_of_birth: str
    notes: str | None = None


class LabOrderIn(BaseModel):
    patient_id: int
    panel: str
    callback_url: HttpUrl | None = None
