//! The OpenAPI document says what the server really does: it is well formed,
//! every operation in it is routed, and real answers validate against the
//! schemas it gives for them.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::TestApp;
use crate::support::{complaint, post_case};

async fn document(app: &TestApp) -> Value {
    let (status, _, doc) = app.client().get("/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    doc
}

/// Every `$ref` in `value`.
fn refs(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if key == "$ref" {
                    found.push(v.as_str().unwrap_or_default().to_owned());
                } else {
                    refs(v, found);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
        _ => {}
    }
}

/// Checks `instance` against the schema the document gives for a response.
fn assert_valid(doc: &Value, schema: &Value, instance: &Value, what: &str) {
    let mut root = schema.clone();
    root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    root["components"] = doc["components"].clone();
    let validator = jsonschema::validator_for(&root).unwrap_or_else(|e| panic!("{what}: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match its schema:\n{}\n{instance}",
        errors.join("\n")
    );
}

fn response_schema(doc: &Value, path: &str, method: &str, status: &str) -> Value {
    doc["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"].clone()
}

#[tokio::test]
async fn the_document_is_openapi_3_1_and_every_reference_resolves() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    assert_eq!(doc["openapi"], "3.1.0");
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(found.len() > 50, "the document refers to its schemas");
    for reference in found {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("external ref {reference}"));
        assert!(
            doc.pointer(pointer).is_some(),
            "{reference} does not resolve"
        );
    }
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            assert!(
                operation["operationId"].is_string(),
                "{method} {path} has no operationId"
            );
            assert!(
                operation["responses"]
                    .as_object()
                    .is_some_and(|r| !r.is_empty()),
                "{method} {path}"
            );
        }
    }
}

#[tokio::test]
async fn every_operation_in_the_document_is_routed() {
    let app = TestApp::spawn_with(|c| c.allow_clock_changes = true).await;
    let doc = document(&app).await;
    let client = app.client();
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let concrete = path
            .replace("/policies/{id}", "/policies/code-2024")
            .replace("{id}", "some-id")
            .replace("{year}", "some-id")
            .replace("{attachment_id}", "some-file");
        for method in item.as_object().unwrap().keys() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let body = if method == Method::GET || method == Method::DELETE {
                None
            } else {
                Some(json!({}))
            };
            let (status, _, answer) = client
                .request(method.clone(), &format!("/api/v1{concrete}"), body)
                .await;
            assert_ne!(
                status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path} is not routed: {answer}"
            );
            let documented = doc["paths"][path][method.as_str().to_lowercase()]["responses"]
                .as_object()
                .unwrap()
                .contains_key(status.as_str());
            assert!(
                documented,
                "{method} {path} answered {status}, which the document does not list: {answer}"
            );
            if status == StatusCode::NOT_FOUND {
                assert!(
                    concrete.contains("some-id") || concrete.contains("some-file"),
                    "{method} {path} fell through to the router's 404"
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 38, "only {checked} operations");
}

#[tokio::test]
async fn real_answers_validate_against_the_documented_schemas() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    let anonymous = app.client();
    for (path, concrete) in [
        ("/health", "/health"),
        ("/policies", "/policies"),
        ("/policies/active", "/policies/active"),
        ("/policies/{id}", "/policies/pioneer-2020"),
        (
            "/policies/{id}/compliance",
            "/policies/pioneer-2020/compliance",
        ),
        (
            "/calendar/working-days",
            "/calendar/working-days?from=2026-12-18&days=10",
        ),
        (
            "/calendar/working-days-between",
            "/calendar/working-days-between?from=2026-12-18&to=2027-01-06",
        ),
        (
            "/calendar/bank-holidays",
            "/calendar/bank-holidays?year=2022",
        ),
    ] {
        let (status, _, answer) = anonymous.get(&format!("/api/v1{concrete}")).await;
        assert_eq!(status, StatusCode::OK, "{concrete}");
        assert_valid(
            &doc,
            &response_schema(&doc, path, "get", "200"),
            &answer,
            concrete,
        );
    }

    let resident = app.register_resident("Sam Schema").await;
    let (status, _, created) = post_case(&resident, complaint()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_valid(
        &doc,
        &response_schema(&doc, "/cases", "post", "201"),
        &created,
        "POST /cases",
    );
    let id = created["id"].as_str().unwrap();
    let (_, _, list) = resident.get("/api/v1/cases").await;
    assert_valid(
        &doc,
        &response_schema(&doc, "/cases", "get", "200"),
        &list,
        "GET /cases",
    );
    let (_, _, session) = resident.get("/api/v1/session").await;
    assert_valid(
        &doc,
        &response_schema(&doc, "/session", "get", "200"),
        &session,
        "GET /session",
    );
    let (_, _, preferences) = resident.get("/api/v1/preferences").await;
    assert_valid(
        &doc,
        &response_schema(&doc, "/preferences", "get", "200"),
        &preferences,
        "GET /preferences",
    );

    let staff = app.create_staff("Cas Worker").await;
    let (status, _, acknowledged) = staff
        .post_json(
            &format!("/api/v1/cases/{id}/staff-actions"),
            json!({ "event": { "type": "acknowledged" } }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{acknowledged}");
    assert_valid(
        &doc,
        &response_schema(&doc, "/cases/{id}/staff-actions", "post", "200"),
        &acknowledged,
        "staff action",
    );
    let (_, _, queue) = staff.get("/api/v1/staff/cases").await;
    assert_valid(
        &doc,
        &response_schema(&doc, "/staff/cases", "get", "200"),
        &queue,
        "GET /staff/cases",
    );

    let (status, _, refused) = resident
        .post_json(
            &format!("/api/v1/cases/{id}/withdrawal"),
            json!({ "confirm": false }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let error_schema = json!({ "$ref": "#/components/schemas/ErrorBody" });
    assert_valid(&doc, &error_schema, &refused, "a 422");
}

/// Every free-text string a request can carry, as (schema, property, its
/// schema): reached from the request bodies through their references.
fn request_strings(doc: &Value) -> Vec<(String, String, Value)> {
    let schemas = &doc["components"]["schemas"];
    let mut todo: Vec<String> = Vec::new();
    for ops in doc["paths"].as_object().unwrap().values() {
        for op in ops.as_object().unwrap().values() {
            if let Some(r) = op.pointer("/requestBody/content/application~1json/schema/$ref") {
                todo.push(r.as_str().unwrap().rsplit('/').next().unwrap().to_owned());
            }
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut found = Vec::new();
    while let Some(name) = todo.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let schema = &schemas[&name];
        let mut nested = Vec::new();
        refs(schema, &mut nested);
        todo.extend(
            nested
                .iter()
                .filter_map(|r| r.rsplit('/').next())
                .map(str::to_owned),
        );
        fn strings(
            name: &str,
            schema: &Value,
            key: &str,
            found: &mut Vec<(String, String, Value)>,
        ) {
            let Some(object) = schema.as_object() else {
                return;
            };
            let is_string = match object.get("type") {
                Some(Value::String(t)) => t == "string",
                Some(Value::Array(types)) => types.iter().any(|t| t == "string"),
                _ => false,
            };
            if is_string
                && !object.contains_key("enum")
                && !object.contains_key("const")
                && !object.contains_key("format")
            {
                found.push((name.to_owned(), key.to_owned(), schema.clone()));
            }
            if let Some(Value::Object(properties)) = object.get("properties") {
                for (k, v) in properties {
                    strings(name, v, k, found);
                }
            }
            for list in ["anyOf", "oneOf", "allOf"] {
                for item in object
                    .get(list)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    strings(name, item, key, found);
                }
            }
            if let Some(items) = object.get("items") {
                strings(name, items, key, found);
            }
        }
        strings(&name, schema, "", &mut found);
    }
    found
}

#[tokio::test]
async fn every_text_a_request_can_carry_has_a_documented_maximum_length() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    let strings = request_strings(&doc);
    assert!(
        strings.len() > 30,
        "the walk found the request fields: {}",
        strings.len()
    );
    let unbounded: Vec<_> = strings
        .iter()
        .filter(|(_, _, schema)| schema.get("maxLength").and_then(Value::as_u64).is_none())
        .map(|(schema, key, _)| format!("{schema}.{key}"))
        .collect();
    assert!(unbounded.is_empty(), "no maxLength: {unbounded:?}");
    let of = |schema: &str, key: &str| {
        strings
            .iter()
            .find(|(s, k, _)| s == schema && k == key)
            .and_then(|(_, _, v)| v["maxLength"].as_u64())
    };
    assert_eq!(of("NewCase", "details"), Some(5000));
    assert_eq!(of("Verification", "reason"), Some(500));
    assert_eq!(of("Registration", "password"), Some(128));
}

#[tokio::test]
async fn a_field_longer_than_its_documented_maximum_is_refused_on_that_field() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Rhiannon Price").await;
    let (status, _, body) = resident
        .post_json(
            "/api/v1/cases/screening",
            json!({ "kind": "complaint", "details": "a".repeat(5001) }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "details");
    let (status, _, body) = resident
        .put_json("/api/v1/preferences", json!({ "phone": "0".repeat(41) }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "phone");
    assert_eq!(body["errors"][0]["message"], "Enter 40 characters or fewer");
}

/// The whole document, as reviewed: any change to the API (a path, a
/// status, a field, a limit) shows as a change to the snapshot in
/// `tests/api/snapshots/`. To accept one: `cargo insta review`, or run the
/// test with `INSTA_UPDATE=always` and read the diff before committing.
#[test]
fn the_document_is_the_reviewed_one() {
    insta::assert_json_snapshot!("openapi", server::openapi::document());
}
