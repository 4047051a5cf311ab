//! Accounts and sessions ([`domain::endpoints::accounts`]).

use domain::api::account::{EmailConfirmation, Registration, Session, SignIn};
use domain::api::second_factor::SecondFactorNeeded;
use domain::endpoint::Endpoint;
use domain::endpoint::NoBody;
use domain::endpoints::accounts::{
    ConfirmEmail, CreateSession, DeleteSession, GetSession, RegisterAccount, SendVerificationLink,
};

use super::{call, call_empty, json, request, send, ClientError};

/// `POST /accounts`: register; the address is sent a link to finish.
pub async fn register(registration: &Registration) -> Result<(), ClientError> {
    call_empty::<RegisterAccount>(&[], registration, None).await
}

/// `POST /accounts/verification`: prove the address, and sign in.
pub async fn confirm_email(confirmation: &EmailConfirmation) -> Result<Session, ClientError> {
    call::<ConfirmEmail>(&[], confirmation, None).await
}

/// `POST /accounts/verification-link`: send a new link to prove the address.
pub async fn send_verification_link() -> Result<(), ClientError> {
    call_empty::<SendVerificationLink>(&[], &NoBody {}, None).await
}

/// What `POST /session` answers: a session, or (202, for staff and admins)
/// the second step they need first.
#[derive(Clone)]
pub enum SignInAnswer {
    SignedIn(Session),
    SecondFactor(SecondFactorNeeded),
}

/// `POST /session`: sign in.
pub async fn sign_in(body: &SignIn) -> Result<SignInAnswer, ClientError> {
    let response = send(request(
        CreateSession::METHOD,
        CreateSession::path(&[]),
        body,
        None,
    ))
    .await?;
    if response.status() == 202 {
        Ok(SignInAnswer::SecondFactor(json(response).await?))
    } else {
        Ok(SignInAnswer::SignedIn(json(response).await?))
    }
}

/// `GET /session`: who is signed in.
pub async fn session() -> Result<Session, ClientError> {
    call::<GetSession>(&[], &NoBody {}, None).await
}

/// `DELETE /session`: sign out.
pub async fn sign_out() -> Result<(), ClientError> {
    call_empty::<DeleteSession>(&[], &NoBody {}, None).await
}
