//! The landlord's figures ([`domain::endpoints::figures`]), for administrators.

use domain::api::cases::CaseSummary;
use domain::endpoint::{Endpoint, NoBody};
use domain::endpoints::figures::{DownloadFiguresCsv, GetFigures, ListFigureCases};
use domain::figures::Figures;

use super::{json, page, request, send, ClientError, BASE};

fn encode(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

/// `GET /staff/figures?period=`: every figure for the period.
pub async fn figures(period: &str) -> Result<Figures, ClientError> {
    let path = format!("{}?period={}", GetFigures::path(&[]), encode(period));
    json(send(request(GetFigures::METHOD, path, &NoBody {}, None)).await?).await
}

/// `GET /staff/figures/cases`: a page of the cases behind a figure; `query`
/// is `?period=…&figure=…` and, for a later page, the server's `after`.
pub async fn cases(query: &str) -> Result<(Vec<CaseSummary>, Option<String>), ClientError> {
    page::<ListFigureCases, _>(query).await
}

/// The address a table's CSV downloads from.
pub fn csv_href(period: &str, table: &str) -> String {
    format!(
        "{BASE}{}?period={}&table={table}",
        DownloadFiguresCsv::path(&[]),
        encode(period)
    )
}

/// `GET /staff/figure-settings`: the homes owned and the financial year's first month.
pub async fn settings() -> Result<domain::figures::FigureSettings, ClientError> {
    super::call::<domain::endpoints::figures::GetFigureSettings>(&[], &NoBody {}, None).await
}
