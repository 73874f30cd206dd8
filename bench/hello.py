"""The bare-Flask baseline: one "hello" view, served by gunicorn exactly as the app is.

Every served figure of bench/run.py is a ratio to this app measured in the same run.
"""

from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello() -> str:
    return "Hello, World!"
