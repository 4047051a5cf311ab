//! The account's own security ([`domain::endpoints::account_security`]).

use domain::api::account_security::{
    AccountDeletion, ActiveSession, PasswordChange, PasswordReset, PasswordResetRequest,
};
use domain::endpoint::NoBody;
use domain::endpoints::account_security::{
    ChangePassword, DeleteAccount, EndAccountSession, EndOtherSessions, ListAccountSessions,
    ResetPassword, SendPasswordResetLink,
};

use super::{after, call_empty, page, ClientError};

/// `PUT /account/password`: change the password.
pub async fn change_password(change: &PasswordChange) -> Result<(), ClientError> {
    call_empty::<ChangePassword>(&[], change, None).await
}

/// `POST /accounts/password-reset-link`: send a link to reset a forgotten password.
pub async fn send_reset_link(request: &PasswordResetRequest) -> Result<(), ClientError> {
    call_empty::<SendPasswordResetLink>(&[], request, None).await
}

/// `POST /accounts/password-reset`: set a new password with the link's token.
pub async fn reset_password(reset: &PasswordReset) -> Result<(), ClientError> {
    call_empty::<ResetPassword>(&[], reset, None).await
}

/// `GET /account/sessions`: a page of where the account is signed in.
pub async fn sessions(
    cursor: Option<&str>,
) -> Result<(Vec<ActiveSession>, Option<String>), ClientError> {
    page::<ListAccountSessions, _>(&after(cursor)).await
}

/// `DELETE /account/sessions`: sign out of every other device.
pub async fn end_other_sessions() -> Result<(), ClientError> {
    call_empty::<EndOtherSessions>(&[], &NoBody {}, None).await
}

/// `DELETE /account/sessions/{id}`: sign out of one device (`id` as it
/// goes in the path).
pub async fn end_session(id: &str) -> Result<(), ClientError> {
    call_empty::<EndAccountSession>(&[id], &NoBody {}, None).await
}

/// `POST /account/deletion`: delete the account.
pub async fn delete_account(deletion: &AccountDeletion) -> Result<(), ClientError> {
    call_empty::<DeleteAccount>(&[], deletion, None).await
}
