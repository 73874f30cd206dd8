"""Use cases of the app as plain functions: no request, no session cookie, just values and the db."""
