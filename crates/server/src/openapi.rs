//! `GET /api/v1/openapi.json`: an OpenAPI 3.1 document of the API, built from
//! the code: each operation from its declaration in [`domain::endpoints`]
//! (the same the router registers handlers by), and every request and
//! response body's schema generated from the wire types it names (and the
//! others they hold), so the document cannot drift from what the handlers
//! take and answer. What a declaration cannot say (a second success status,
//! file answers, an enum query parameter) is added beside it, in [`build`].
//! The integration tests check that every operation is really routed and
//! that real answers validate against their schemas.

use std::any::TypeId;
use std::sync::OnceLock;

use domain::endpoint::{Access, Endpoint, NoBody, QueryParam, RetryKey, Visitor};
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{json, Map, Value};

use crate::error::ErrorBody;

struct Builder {
    generator: SchemaGenerator,
    paths: Map<String, Value>,
}

impl Builder {
    fn schema<T: JsonSchema>(&mut self) -> Value {
        serde_json::to_value(self.generator.subschema_for::<T>()).expect("a schema is JSON")
    }

    /// Replaces the schema of the `GET` at `path`'s query parameter `name`,
    /// for what a declaration's type and range cannot say.
    fn query_schema(&mut self, path: &str, name: &str, schema: Value) {
        self.query_parameter(path, name)["schema"] = schema;
    }

    /// The query parameter `name` of the GET operation on `path`.
    fn query_parameter(&mut self, path: &str, name: &str) -> &mut Value {
        self.paths[path]["get"]["parameters"]
            .as_array_mut()
            .expect("the operation declares query parameters")
            .iter_mut()
            .find(|parameter| parameter["name"] == name)
            .expect("the operation declares the parameter")
    }

    #[allow(clippy::too_many_arguments)]
    fn op(
        &mut self,
        method: &str,
        path: &str,
        id: &str,
        summary: &str,
        access: Access,
        request: Option<Value>,
        success: (u16, Option<Value>),
        errors: &[u16],
    ) {
        let mut responses = Map::new();
        let (status, body) = success;
        let description = match status {
            201 => "Created",
            202 => "Accepted",
            204 => "No content",
            _ => "OK",
        };
        responses.insert(
            status.to_string(),
            match body {
                Some(schema) => json!({
                    "description": description,
                    "content": { "application/json": { "schema": schema } }
                }),
                None => json!({ "description": description }),
            },
        );
        let mut all_errors: Vec<u16> = errors.to_vec();
        if access != Access::Public {
            all_errors.push(401);
        }
        if access == Access::Staff || access == Access::Admin {
            all_errors.push(403);
        }
        if request.is_some() {
            all_errors.extend([400, 413, 415, 422]);
        }
        all_errors.push(500);
        all_errors.sort_unstable();
        all_errors.dedup();
        for code in all_errors {
            responses.insert(
                code.to_string(),
                json!({ "$ref": format!("#/components/responses/Error{code}") }),
            );
        }
        let parameters: Vec<Value> = path
            .split('/')
            .filter_map(|segment| segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(|name| json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } }))
            .collect();
        let mut operation = json!({
            "operationId": id,
            "summary": summary,
            "tags": [path.trim_start_matches('/').split('/').next().unwrap_or("")],
            "responses": responses,
        });
        if !parameters.is_empty() {
            operation["parameters"] = Value::Array(parameters);
        }
        if let Some(schema) = request {
            operation["requestBody"] = json!({
                "required": true,
                "content": { "application/json": { "schema": schema } }
            });
        }
        if access == Access::Public {
            operation["security"] = json!([]);
        }
        let item = self
            .paths
            .entry(path.to_owned())
            .or_insert_with(|| json!({}));
        item[method] = operation;
    }

    /// The `Idempotency-Key` header of a case action or a new authorisation
    /// (optional), or of a new case (required).
    fn retry_key(&mut self, method: &str, path: &str, retry: RetryKey) {
        let key = match retry {
            RetryKey::None => return,
            RetryKey::Required => {
                json!({ "name": "Idempotency-Key", "in": "header", "required": true, "schema": { "type": "string" } })
            }
            RetryKey::Optional => json!({
            "name": "Idempotency-Key",
            "in": "header",
            "required": false,
            "description": "Sent again with the same key and body, the write is not made twice: the first answer is given again",
            "schema": { "type": "string", "minLength": 1, "maxLength": 255 }
            }),
        };
        match self.paths[path][method]["parameters"].as_array_mut() {
            Some(parameters) => parameters.push(key),
            None => self.paths[path][method]["parameters"] = json!([key]),
        }
    }

    fn query(&mut self, method: &str, path: &str, params: &[QueryParam]) {
        let op = &mut self.paths[path][method];
        if !op["parameters"].is_array() {
            op["parameters"] = json!([]);
        }
        if let Some(parameters) = op["parameters"].as_array_mut() {
            parameters.extend(params.iter().map(|p| {
                let mut schema = json!({ "type": p.kind });
                if let Some(format) = p.format {
                    schema["format"] = json!(format);
                }
                if let Some((least, most)) = p.range {
                    schema["minimum"] = json!(least);
                    schema["maximum"] = json!(most);
                }
                json!({ "name": p.name, "in": "query", "required": p.required, "schema": schema })
            }));
        }
    }

    /// A list with keyset pages ([`crate::page`]): `limit` and `after`, and
    /// a `Link` to the next page on the answer.
    fn paged(&mut self, method: &str, path: &str) {
        let op = &mut self.paths[path][method];
        if !op["parameters"].is_array() {
            op["parameters"] = json!([]);
        }
        if let Some(parameters) = op["parameters"].as_array_mut() {
            parameters.push(json!({ "name": "limit", "in": "query", "required": false,
                "description": "How many to answer with (50 when left out)",
                "schema": { "type": "integer", "minimum": 1, "maximum": crate::page::MAX_LIMIT } }));
            parameters.push(json!({ "name": "after", "in": "query", "required": false,
                "description": "The cursor from the previous answer's Link header",
                "schema": { "type": "string", "maxLength": 512 } }));
        }
        op["responses"]["200"]["headers"] = json!({ "Link": {
            "description": "`<…>; rel=\"next\"`: the address of the next page, when there is one",
            "schema": { "type": "string" } } });
    }
}

impl Visitor for Builder {
    fn visit<E: Endpoint>(&mut self) {
        if !E::DOCUMENTED {
            return;
        }
        let request = has_body::<E::Request>().then(|| self.schema::<E::Request>());
        let answer = has_body::<E::Answer>().then(|| self.schema::<E::Answer>());
        let method = E::METHOD.lowercase();
        self.op(
            method,
            E::PATH,
            E::OPERATION,
            E::SUMMARY,
            E::ACCESS,
            request,
            (E::STATUS, answer),
            E::ERRORS,
        );
        if !E::QUERY.is_empty() {
            self.query(method, E::PATH, E::QUERY);
        }
        if E::PAGED {
            self.paged(method, E::PATH);
        }
        self.retry_key(method, E::PATH, E::RETRY_KEY);
    }
}

/// Whether a declared request or answer is a body ([`NoBody`]: none).
fn has_body<T: 'static>() -> bool {
    TypeId::of::<T>() != TypeId::of::<NoBody>()
}

/// The document, built once.
pub fn document() -> &'static Value {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    DOCUMENT.get_or_init(build)
}

fn build() -> Value {
    use domain::endpoints::service::GetOpenapi;
    use domain::endpoints::{accounts, authorisations, cases, staff};
    let settings = SchemaSettings::draft2020_12().with(|s| {
        s.definitions_path = "/components/schemas".into();
    });
    let mut b = Builder {
        generator: settings.into_generator(),
        paths: Map::new(),
    };
    domain::endpoints::visit(&mut b);

    // What the declarations cannot say.
    let needed = b.schema::<domain::api::second_factor::SecondFactorNeeded>();
    b.paths[accounts::CreateSession::PATH]["post"]["responses"]["202"] = json!({
        "description": "Accepted: the password is right, and a staff or admin account gives a \
                        second factor next (a cookie for the second-factor operations is set)",
        "content": { "application/json": { "schema": needed } }
    });
    b.paths[cases::DownloadAttachment::PATH]["get"]["responses"]["200"] = json!({
        "description": "The file",
        "content": {
            "image/jpeg": { "schema": { "type": "string", "contentMediaType": "image/jpeg" } },
            "image/png": { "schema": { "type": "string", "contentMediaType": "image/png" } },
            "application/pdf": { "schema": { "type": "string", "contentMediaType": "application/pdf" } }
        }
    });
    let statuses: Vec<&str> = domain::authorisation::Status::ALL
        .iter()
        .map(|status| status.as_str())
        .collect();
    b.query_schema(
        authorisations::ListAuthorisations::PATH,
        "status",
        json!({
            "type": "string",
            "enum": statuses,
            "description": "Only authorisations with this status; any other value is refused with 422 on `status`"
        }),
    );
    // The queue's status filter is a case's status, as the answers give it.
    let case_status = b.schema::<domain::case::Status>();
    b.query_schema(staff::ListQueue::PATH, "status", case_status);
    let caseworker = b.query_parameter(staff::ListQueue::PATH, "caseworker");
    caseworker["schema"]["maxLength"] = json!(64);
    caseworker["description"] = json!("`mine`, `none` (nobody assigned), or a caseworker's id");
    b.paths[GetOpenapi::PATH]["get"]["responses"]["200"]["content"]["application/json"]["schema"] =
        json!({ "type": "object" });
    let q = &mut b.query_parameter(staff::FindResidents::PATH, "q")["schema"];
    q["minLength"] = json!(2);
    q["maxLength"] = json!(254);
    // The figures (issue 19): the period's forms, the figures and tables by
    // name, and the CSV a table downloads as.
    use domain::endpoints::figures;
    let period = json!({
        "type": "string",
        "maxLength": 40,
        "description": "A month (`2025-06`), a quarter of the financial year (`fy2025-q1`), a financial year (`fy2025`) or two dates (`2025-04-01..2025-06-30`, at most 3 years)"
    });
    for path in [
        figures::GetFigures::PATH,
        figures::ListFigureCases::PATH,
        figures::DownloadFiguresCsv::PATH,
    ] {
        b.query_schema(path, "period", period.clone());
    }
    let names: Vec<&str> = domain::figures::Figure::ALL
        .iter()
        .map(|f| f.as_str())
        .collect();
    b.query_schema(
        figures::ListFigureCases::PATH,
        "figure",
        json!({ "type": "string", "enum": names }),
    );
    b.query_schema(
        figures::DownloadFiguresCsv::PATH,
        "table",
        json!({ "type": "string", "enum": crate::figures::TABLES }),
    );
    b.paths[figures::DownloadFiguresCsv::PATH]["get"]["responses"]["200"] = json!({
        "description": "The table as CSV (RFC 4180, a header row; see the README's data dictionary)",
        "content": { "text/csv": { "schema": { "type": "string" } } }
    });

    let error_body = b.schema::<ErrorBody>();
    let mut schemas: Map<String, Value> = b.generator.take_definitions(true).into_iter().collect();
    schemas.entry("ErrorBody".to_owned()).or_insert(error_body);
    bound_request_strings(&b.paths, &mut schemas);
    let error_responses: Map<String, Value> = [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503]
        .into_iter()
        .map(|code| {
            (
                format!("Error{code}"),
                json!({
                    "description": error_description(code),
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } }
                }),
            )
        })
        .collect();
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Put It Right API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Complaints, compliments and comments for residents of social housing, and the caseworkers who resolve them. JSON only; snake_case keys; RFC 3339 UTC timestamps; ISO dates. Every error has the shape {\"errors\":[{\"field\",\"message\"}]}."
        },
        "servers": [{ "url": "/api/v1" }],
        "security": [{ "session": [] }],
        "paths": b.paths,
        "components": {
            "schemas": schemas,
            "responses": error_responses,
            "securitySchemes": {
                "session": { "type": "apiKey", "in": "cookie", "name": crate::auth::session::COOKIE, "description": "Set by POST /session; `__Host-pir_session` when served over HTTPS" }
            }
        }
    })
}

/// Gives every free-text string a request can carry its `maxLength`, from
/// the table every request body passes through
/// ([`domain::validation::text::max_chars`]), where the schema does not
/// give a closer one: generated clients then refuse what the server would.
fn bound_request_strings(paths: &Map<String, Value>, schemas: &mut Map<String, Value>) {
    let mut todo: Vec<String> = paths
        .values()
        .filter_map(Value::as_object)
        .flat_map(|ops| ops.values())
        .filter_map(|op| op.pointer("/requestBody/content/application~1json/schema/$ref"))
        .filter_map(Value::as_str)
        .filter_map(|r| r.rsplit('/').next())
        .map(str::to_owned)
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    while let Some(name) = todo.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        if let Some(schema) = schemas.get_mut(&name) {
            bound_strings(schema, None, &mut todo);
        }
    }
}

fn bound_strings(schema: &mut Value, key: Option<&str>, refs: &mut Vec<String>) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if let Some(name) = object.get("$ref").and_then(Value::as_str) {
        refs.extend(name.rsplit('/').next().map(str::to_owned));
    }
    let is_string = match object.get("type") {
        Some(Value::String(t)) => t == "string",
        Some(Value::Array(types)) => types.iter().any(|t| t == "string"),
        _ => false,
    };
    let free_text = !object.contains_key("enum")
        && !object.contains_key("const")
        && !object.contains_key("format");
    if is_string && free_text {
        if let Some(key) = key {
            object
                .entry("maxLength")
                .or_insert_with(|| json!(domain::validation::text::max_chars(key)));
        }
    }
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        for (name, property) in properties.iter_mut() {
            bound_strings(property, Some(name), refs);
        }
    }
    for list in ["anyOf", "oneOf", "allOf", "prefixItems"] {
        if let Some(Value::Array(items)) = object.get_mut(list) {
            for item in items {
                bound_strings(item, key, refs);
            }
        }
    }
    for single in ["items", "additionalProperties"] {
        if let Some(item) = object.get_mut(single) {
            bound_strings(item, key, refs);
        }
    }
}

fn error_description(code: u16) -> &'static str {
    match code {
        400 => "The request could not be read",
        401 => "Sign in required",
        403 => "Not allowed (role, or a cross-site request)",
        404 => "Not found, or not yours",
        405 => "Method not allowed",
        409 => "The policy or the case's state does not allow this; the message says why",
        413 => "Too large",
        415 => "Not JSON",
        422 => "Invalid input, keyed by field",
        429 => "Too many attempts (Retry-After)",
        503 => "Busy: the database does not answer, or too many sign-ins are being checked at once (Retry-After)",
        _ => "Something went wrong (logged, never detailed)",
    }
}
