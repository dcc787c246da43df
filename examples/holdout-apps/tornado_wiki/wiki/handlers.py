import tornado.web


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_signed_cookie("wiki_user")


class PageHandler(BaseHandler):
    def get(self, slug):
        self.render("page.html", slug=slug)

    @tornado.web.authenticated
    def post(self, slug):
        self.application.pages[slug] = self.get_body_argument("text")
        self.redirect(f"/pages/{slug}")
