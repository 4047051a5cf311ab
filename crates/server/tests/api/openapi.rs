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
