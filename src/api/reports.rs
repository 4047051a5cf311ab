//! The annual complaints report and self-assessment
//! ([`domain::endpoints::reports`]): administrators draft and publish it;
//! anyone reads it once published.

use domain::annual_report::{
    AnnualReport, NewReport, PublishReport, PublishedReport, ReportEdit, ReportSummary,
};
use domain::endpoint::NoBody;
use domain::endpoints::reports::{
    CreateAnnualReport, DownloadPublishedReport, GetAnnualReport, GetPublishedReport,
    ListAnnualReports, PublishAnnualReport, PutAnnualReport,
};

use super::{after, call, page, ClientError};

/// `GET /staff/annual-reports`: a page of the reports, the latest year
/// first, and the next page's cursor.
pub async fn list(
    cursor: Option<&str>,
) -> Result<(Vec<ReportSummary>, Option<String>), ClientError> {
    page::<ListAnnualReports, _>(&after(cursor)).await
}

/// `POST /staff/annual-reports`: starts the year's draft (`key` makes a
/// retry safe).
pub async fn create(year: i32, key: &str) -> Result<AnnualReport, ClientError> {
    call::<CreateAnnualReport>(&[], &NewReport { year }, Some(key)).await
}

/// `GET /staff/annual-reports/{year}`.
pub async fn get(year: i32) -> Result<AnnualReport, ClientError> {
    call::<GetAnnualReport>(&[&year.to_string()], &NoBody {}, None).await
}

/// `PUT /staff/annual-reports/{year}`.
pub async fn save(year: i32, edit: &ReportEdit) -> Result<AnnualReport, ClientError> {
    call::<PutAnnualReport>(&[&year.to_string()], edit, None).await
}

/// `POST /staff/annual-reports/{year}/publish`.
pub async fn publish(year: i32, version: i64, key: &str) -> Result<AnnualReport, ClientError> {
    call::<PublishAnnualReport>(&[&year.to_string()], &PublishReport { version }, Some(key)).await
}

/// `GET /annual-reports/{year}`: the published report, for anyone.
pub async fn published(year: i32) -> Result<PublishedReport, ClientError> {
    call::<GetPublishedReport>(&[&year.to_string()], &NoBody {}, None).await
}

/// The address the published report's PDF downloads from.
pub fn pdf_href(year: i32) -> String {
    super::href::<DownloadPublishedReport>(&[&year.to_string()])
}
