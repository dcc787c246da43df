import tornado.web


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_signed_cookie("wiki_user")


class PageHandler(BaseHandler):
    # ok: VC201 -- reads a page, changes nothing
    def get(self, slug):
        self.render("page.html", slug=slug)

    # ok: VC201 -- `tornado.web.authenticated` sends anonymous callers to the login page
    @tornado.web.authenticated
    def post(self, slug):
        self.application.pages[slug] = self.get_body_argument("text")
        self.redirect(f"/pages/{slug}")


class PageAdminHandler(BaseHandler):
    # expect: VC201
    def delete(self, slug):
        self.application.pages.pop(slug, None)
        self.set_status(204)
