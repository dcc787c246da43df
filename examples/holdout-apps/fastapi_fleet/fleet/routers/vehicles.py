import subprocess
import traceback

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import PlainTextResponse
from sqlmodel import select, text

from ..auth import CurrentDriver, allow_admin_lenient, allow_dispatch
from ..db import SessionDep, Vehicle

router = APIRouter(prefix="/vehicles", tags=["vehicles"])


@router.get("/{vehicle_id}")
def read_vehicle(vehicle_id: int, driver: CurrentDriver, session: SessionDep) -> Vehicle:
    # expect: VC214
    vehicle = session.get(Vehicle, vehicle_id)
    if vehicle is None:
        raise HTTPException(404)
    return vehicle


@router.get("/mine/{vehicle_id}")
def read_my_vehicle(vehicle_id: int, driver: CurrentDriver, session: SessionDep) -> Vehicle:
    # ok: VC214
    vehicle = session.exec(select(Vehicle).where(Vehicle.id == vehicle_id, Vehicle.owner_id == driver.id)).first()
    if vehicle is None:
        raise HTTPException(404)
    return vehicle


@router.get("/")
def search_vehicles(driver: CurrentDriver, session: SessionDep, status: str = "active", order: str = "plate"):
    sql = f"SELECT id, plate FROM vehicle WHERE owner_id = :owner AND status = '{status}' ORDER BY {order}"
    # expect: VC422
    return session.exec(text(sql).bindparams(owner=driver.id)).all()


# ok: VC201
@router.post("/{vehicle_id}/reassign", dependencies=[Depends(allow_dispatch)])
def reassign(vehicle_id: int, new_owner: int, session: SessionDep):
    vehicle = session.get(Vehicle, vehicle_id)
    vehicle.owner_id = new_owner
    session.add(vehicle)
    session.commit()
    return {"ok": True}


@router.delete("/{vehicle_id}", dependencies=[Depends(allow_admin_lenient)])
def decommission(vehicle_id: int, session: SessionDep):
    session.exec(text("DELETE FROM vehicle WHERE id = :id").bindparams(id=vehicle_id))
    session.commit()
    return {"deleted": vehicle_id}


# expect: VC201
@router.post("/{vehicle_id}/odometer")
def set_odometer(vehicle_id: int, km: int, session: SessionDep):
    vehicle = session.get(Vehicle, vehicle_id)
    vehicle.odometer_km = km
    session.commit()
    return {"ok": True}


@router.post("/{vehicle_id}/diagnostics")
def diagnostics(vehicle_id: int, driver: CurrentDriver, probe: str = "obd"):
    try:
        # expect: VC421
        out = subprocess.run(f"fleet-diag --vehicle {vehicle_id} --probe {probe}", shell=True,
                             capture_output=True, text=True, timeout=60, check=True)
    except subprocess.CalledProcessError:
        # expect: VC414
        return PlainTextResponse(traceback.format_exc(), status_code=500)
    return {"output": out.stdout}
