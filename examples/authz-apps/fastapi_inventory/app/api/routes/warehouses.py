from fastapi import APIRouter, HTTPException

from app.api.deps import SessionDep
from app.models import StockMovement, Warehouse

router = APIRouter(prefix="/warehouses", tags=["warehouses"])


@router.get("/{warehouse_id}")
def get_warehouse(warehouse_id: int, session: SessionDep):
    # expect: VC214
    warehouse = session.query(Warehouse).filter(Warehouse.id == warehouse_id).first()
    if warehouse is None:
        raise HTTPException(status_code=404)
    return warehouse


@router.delete("/{warehouse_id}/movements/{movement_id}")
def delete_movement(warehouse_id: int, movement_id: int, session: SessionDep):
    # expect: VC214
    movement = session.get(StockMovement, movement_id)
    session.delete(movement)
    session.commit()
    return {"ok": True}


# expect: VC218
@router.post("/{warehouse_id}/stocktake/approve")
def approve_stocktake(warehouse_id: int, session: SessionDep):
    # expect: VC214
    warehouse = session.get(Warehouse, warehouse_id)
    warehouse.stocktake_status = "approved"
    session.commit()
    return {"status": "approved"}
