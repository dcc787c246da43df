"""Marshmallow schemas the blueprints validate bodies and shape answers with."""

from marshmallow import Schema, fields


class RegisterSchema(Schema):
    username = fields.Str(required=True)
    password = fields.Str(required=True, load_only=True)
    role = fields.Str(load_default="clerk")


class LoginSchema(Schema):
    username = fields.Str(required=True)
    password = fields.Str(required=True, load_only=True)


class ItemSchema(Schema):
    id = fields.Int(dump_only=True)
    sku = fields.Str(required=True)
    name = fields.Str(required=True)
    quantity = fields.Int()
    location = fields.Str()


class ItemUpdateSchema(Schema):
    name = fields.Str()
    quantity = fields.Int()
    location = fields.Str()
    owner_id = fields.Int()
    approved = fields.Bool()


class SupplierSchema(Schema):
    id = fields.Int(dump_only=True)
    name = fields.Str(required=True)
    catalog_url = fields.Url()
