"""VC219 corpus (Graphene and Flask-AppBuilder): a root type's resolver and an exposed method of a Flask-AppBuilder view
are views; without their own guard they answer everyone, in an app whose other views require a login."""
import graphene
from flask_appbuilder import BaseView, expose, has_access
from graphql_jwt.decorators import login_required


class UserType(graphene.ObjectType):
    email = graphene.String()

    # ok: VC219 -- a field of a returned object, not an entry point
    def resolve_email(self, info):
        return self.email


class Query(graphene.ObjectType):
    users = graphene.List(UserType)
    customers = graphene.List(UserType)
    me = graphene.Field(UserType)

    # expect: VC219
    def resolve_users(root, info):
        return User.objects.all()

    # ok: VC219
    @login_required
    def resolve_customers(root, info):
        return Customer.objects.all()

    # ok: VC219
    @login_required
    def resolve_me(root, info):
        return info.context.user


class ExportView(BaseView):
    route_base = "/export"

    # expect: VC219
    @expose("/customers.csv")
    def customers(self):
        return render_csv(Customer.objects.all())

    # ok: VC219
    @expose("/users.csv")
    @has_access
    def users(self):
        return render_csv(User.objects.all())
