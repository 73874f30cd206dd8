"""Use cases of the app as plain functions: no request, no session cookie, only values and the
database."""
