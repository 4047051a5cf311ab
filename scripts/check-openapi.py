"""Validates the server's OpenAPI document against the OpenAPI 3.1 schema
(openapi-spec-validator, from PyPI). Usage: server openapi | python3 scripts/check-openapi.py"""
import json
import sys

from openapi_spec_validator import validate

document = json.load(sys.stdin)
validate(document)
paths = document["paths"]
operations = sum(len(item) for item in paths.values())
print(f"OpenAPI {document['openapi']} document is valid: {len(paths)} paths, {operations} operations")
