import csv
import io

from flask import Response, flash, redirect, render_template_string, request
from flask_appbuilder import BaseView, ModelView, expose, has_access
from flask_appbuilder.models.sqla.filters import FilterEqualFunction
from flask_appbuilder.models.sqla.interface import SQLAInterface
# expect: VC504 -- forgotten: flask-login comes with flask-appbuilder, not declared
from flask_login import current_user, login_required

from app import appbuilder, db
from app.models import Company, Contact, Deal


def current_user_id():
    return current_user.id


class CompanyModelView(ModelView):
    datamodel = SQLAInterface(Company)
    list_columns = ["name", "website"]


class ContactModelView(ModelView):
    datamodel = SQLAInterface(Contact)
    list_columns = ["name", "email", "company", "changed_on"]
    add_columns = edit_columns = ["name", "email", "phone", "company", "notes"]
    # ok: VC214
    base_filters = [["created_by_fk", FilterEqualFunction, current_user_id]]


class DealModelView(ModelView):
    datamodel = SQLAInterface(Deal)
    list_columns = ["title", "contact", "amount", "stage", "close_date"]
    add_columns = edit_columns = ["title", "contact", "amount", "stage", "close_date"]
    base_filters = [["created_by_fk", FilterEqualFunction, current_user_id]]


class ReportsView(BaseView):
    route_base = "/reports"
    default_view = "pipeline"

    @expose("/pipeline")
    @has_access
    def pipeline(self):
        rows = db.session.query(Deal.stage, db.func.sum(Deal.amount)).group_by(Deal.stage).all()
        return self.render_template("pipeline.html", rows=rows)

    # expect: VC201/VC219
    @expose("/contacts.csv")
    def export_contacts(self):
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["name", "email", "phone", "company"])
        for c in db.session.query(Contact).all():
            writer.writerow([c.name, c.email, c.phone, c.company.name if c.company else ""])
        return Response(out.getvalue(), mimetype="text/csv")

    # ok: VC201/VC218
    @expose("/purge-lost", methods=["POST"])
    @has_access
    def purge_lost(self):
        deleted = db.session.query(Deal).filter(Deal.stage == "lost").delete()
        db.session.commit()
        flash(f"Deleted {deleted} lost deals", "info")
        return redirect(self.get_redirect())

    @expose("/greeting")
    @login_required
    def greeting(self):
        name = request.args.get("name", current_user.first_name)
        # expect: VC412
        return render_template_string("<h2>Welcome back, " + name + "!</h2><p>Your pipeline is below.</p>")


appbuilder.add_view(CompanyModelView, "Companies", icon="fa-building", category="CRM")
appbuilder.add_view(ContactModelView, "Contacts", icon="fa-address-card", category="CRM")
appbuilder.add_view(DealModelView, "Deals", icon="fa-handshake", category="CRM")
appbuilder.add_view(ReportsView, "Pipeline", icon="fa-chart-bar", category="Reports")
db.create_all()
