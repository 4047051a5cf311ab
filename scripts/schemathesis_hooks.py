"""Schemathesis hooks for scripts/schemathesis: sign in as the demo resident.

The session is a cookie (`pir_session`) that POST /api/v1/session sets. The
auth provider signs in again whenever the server answers 401 to a request it
authenticated (schemathesis then refetches), and it is not applied to the
three operations that end the session a request carries (signing in, creating
an account, signing out), so fuzzing them cannot sign the run out.

The sign-in goes with `X-Forwarded-For: 192.0.2.1` (scripts/schemathesis
starts the server with `--trusted-proxy-header X-Forwarded-For`), so that the
failed sign-ins schemathesis generates from 127.0.0.1 cannot throttle it.
"""

import os

import requests
import schemathesis

BASE = os.environ["PIR_BASE_URL"]
EMAIL = "resident@example.com"
PASSWORD = "demo-password-1"  # crates/server/src/demo.rs: published demo data


# The schema's paths are relative to its server, /api/v1.
@schemathesis.auth(refresh_interval=600).skip_for(
    path=["/session", "/api/v1/session"], method=["POST", "DELETE"]
).skip_for(path=["/accounts", "/api/v1/accounts"], method="POST")
class DemoResident:
    def get(self, case, context):
        response = requests.post(
            f"{BASE}/api/v1/session",
            json={"email": EMAIL, "password": PASSWORD},
            headers={"X-Forwarded-For": "192.0.2.1"},
            timeout=30,
        )
        response.raise_for_status()
        return response.cookies["pir_session"]

    def set(self, case, data, context):
        case.cookies = {**(case.cookies or {}), "pir_session": data}
