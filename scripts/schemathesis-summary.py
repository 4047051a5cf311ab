"""Totals of a schemathesis run from its NDJSON report (scripts/schemathesis).

Counts every request schemathesis sent (each recorded interaction), the answers
that were 5xx, and the failed checks by name; prints each distinct failure once
(operation, check, request, answer) and exits 1 if there was any 5xx or failure.
Usage: python3 scripts/schemathesis-summary.py report.ndjson
"""

import base64
import collections
import json
import sys

requests = 0
statuses = collections.Counter()
server_errors = []
failures = {}
failed_checks = collections.Counter()

with open(sys.argv[1], encoding="utf-8") as report:
    for line in report:
        event = json.loads(line)
        finished = event.get("ScenarioFinished")
        if not finished:
            continue
        recorder = finished.get("recorder") or {}
        interactions = recorder.get("interactions") or {}
        for case_id, interaction in interactions.items():
            requests += 1
            response = interaction.get("response") or {}
            status = response.get("status_code")
            statuses[status] += 1
            if isinstance(status, int) and status >= 500:
                server_errors.append((recorder.get("label"), interaction))
        for case_id, checks in (recorder.get("checks") or {}).items():
            for check in checks:
                if check.get("status") != "failure":
                    continue
                failed_checks[check["name"]] += 1
                info = check.get("failure_info") or {}
                failure = info.get("failure") or {}
                key = (recorder.get("label"), check["name"], failure.get("title"), failure.get("message"))
                if key in failures:
                    continue
                interaction = interactions.get(case_id) or {}
                request = interaction.get("request") or {}
                response = interaction.get("response") or {}
                body = response.get("content") or {}
                if isinstance(body, dict) and "$base64" in body:
                    body = base64.b64decode(body["$base64"]).decode("utf-8", "replace")
                failures[key] = {
                    "request": f'{request.get("method")} {request.get("uri")}',
                    "request_body": (request.get("body") or {}),
                    "status": response.get("status_code"),
                    "answer": str(body)[:500],
                    "reproduce": info.get("code"),
                }

violations = failed_checks["response_schema_conformance"]
five_xx = sum(n for status, n in statuses.items() if isinstance(status, int) and status >= 500)
print(f"Requests sent: {requests}")
print("Answers by status: " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items(), key=lambda kv: str(kv[0]))))
print(f"5xx answers: {five_xx}")
print(f"Schema violations (response_schema_conformance failures): {violations}")
for name, n in sorted(failed_checks.items()):
    if name != "response_schema_conformance":
        print(f"Other failed checks: {name}: {n}")
for (label, name, title, message), detail in failures.items():
    print(f"\n- {label}: {name}: {title}\n  {message}")
    print(f"  request: {detail['request']}")
    if detail["request_body"]:
        print(f"  request body: {json.dumps(detail['request_body'])[:500]}")
    print(f"  answer: {detail['status']} {detail['answer']}")
    if detail["reproduce"]:
        print(f"  reproduce: {detail['reproduce']}")
sys.exit(1 if five_xx or failed_checks else 0)
