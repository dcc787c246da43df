"""VC216 corpus: a key naming whom an item is shown to is no privilege claim about the caller."""


def visible_nodes(nodes, request):
    final = []
    for node in nodes:
        # ok: VC216 -- `visible_for_authenticated` says whom the menu entry is for; missing means shown to them
        if node.attr.get("visible_for_authenticated", True) and request.user.is_authenticated:
            final.append(node)
    return final


def staff_links(links):
    # ok: VC216 -- an audience of the link, `shown_to_staff`, not the caller's role
    return [link for link in links if link.options.get("shown_to_staff", True)]


def can_edit(claims):
    # expect: VC216 -- a token without the claim reads as an admin's
    return claims.get("is_admin", True)


def may_read(record):
    # expect: VC216 -- `authorized_for_reports` says the caller is authorized; the audience words come after it
    return record.get("authorized_for_reports", True)
