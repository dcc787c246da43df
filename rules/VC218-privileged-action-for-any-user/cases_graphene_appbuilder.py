"""VC218 corpus (Graphene and Flask-AppBuilder): a mutation named for a privileged operation, and an exposed
Flask-AppBuilder method, behind a login only (`@login_required`, `@protect()`) let every user do it."""
import graphene
from flask_appbuilder import expose
from flask_appbuilder.api import BaseApi, protect
from graphql_jwt.decorators import login_required, staff_member_required


class ApproveRefund(graphene.Mutation):
    class Arguments:
        refund_id = graphene.ID(required=True)

    ok = graphene.Boolean()

    # expect: VC218
    @login_required
    def mutate(root, info, refund_id):
        approve(refund_id)
        return ApproveRefund(ok=True)


class BanMember(graphene.Mutation):
    class Arguments:
        member_id = graphene.ID(required=True)

    ok = graphene.Boolean()

    # ok: VC218
    @staff_member_required
    def mutate(root, info, member_id):
        ban(member_id)
        return BanMember(ok=True)


class RefundApi(BaseApi):
    resource_name = "refunds"

    # expect: VC218
    @expose("/<int:pk>/approve", methods=["POST"])
    @protect()
    def approve_refund(self, pk):
        approve(pk)
        return self.response(200)

    # ok: VC218 -- reads only
    @expose("/<int:pk>/approval")
    @protect()
    def approval_status(self, pk):
        return self.response(200, status=status_of(pk))

    # ok: VC218
    @expose("/<int:pk>/reject", methods=["POST"])
    @protect()
    def reject_refund(self, pk):
        if not g.user.is_admin:
            return self.response_403()
        reject(pk)
        return self.response(200)
