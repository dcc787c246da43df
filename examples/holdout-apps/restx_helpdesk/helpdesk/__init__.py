"""Multi-tenant helpdesk API on Flask-RESTX."""
