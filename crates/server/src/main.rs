//! `server`: serves the portal, or manages accounts (`server user add …`).

use clap::Parser;
use server::config::{Cli, Command, LogFormat};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    match cli.config.log_format {
        LogFormat::Text => tracing_subscriber::fmt().with_env_filter(filter).init(),
        LogFormat::Json => tracing_subscriber::fmt()
            .json()
            .with_current_span(true)
            .with_env_filter(filter)
            .init(),
    }
    match run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(mut cli: Cli) -> Result<(), String> {
    cli.config = cli.config.with_https_from_public_url();
    if matches!(cli.command, Some(Command::Openapi)) {
        let document =
            serde_json::to_string_pretty(server::openapi::document()).map_err(|e| e.to_string())?;
        println!("{document}");
        return Ok(());
    }
    if matches!(cli.command, None | Some(Command::Serve)) {
        // Before anything is opened or made (the database, a secrets key).
        cli.config.check_deployment()?;
    }
    let state = server::startup::build_state(cli.config)
        .await
        .map_err(|e| e.to_string())?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(state).await,
        Command::User(command) => server::admin::run(&state, command).await,
        Command::Openapi => Ok(()),
        Command::Projections(command) => {
            let (lines, result) = server::admin::projections(&state, command).await;
            for line in lines {
                println!("{line}");
            }
            result
        }
        Command::SeedBench { cases, residents } => {
            server::seed_bench::run(&state, cases, residents).await
        }
    }
}

async fn serve(state: server::AppState) -> Result<(), String> {
    if state.config.demo {
        server::demo::seed(&state)
            .await
            .map_err(|e| format!("demo data: {e}"))?;
    }
    let addr = state.config.addr();
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    tracing::info!(
        "Put It Right is listening on http://{addr} (policy {}, today {})",
        state.policy.id,
        state.clock.today()
    );
    if let Some(metrics_addr) = state.config.metrics_address {
        let metrics = tokio::net::TcpListener::bind(metrics_addr)
            .await
            .map_err(|e| format!("cannot listen on {metrics_addr} for metrics: {e}"))?;
        tracing::info!("metrics on http://{metrics_addr}/metrics, readiness on /ready");
        let router = server::routes::metrics::router(server::routes::metrics::Listener {
            db: state.db.clone(),
            metrics: state.metrics.clone(),
        });
        // The same accept loop and header timeout as the portal's port.
        tokio::spawn(server::serve::serve(
            metrics,
            router,
            server::serve::HEADER_TIMEOUT,
            std::future::pending(),
        ));
    }
    server::outbox::spawn_sender(state.clone());
    server::rules::spawn(state.clone());
    server::serve::serve(
        listener,
        server::app(state),
        server::serve::HEADER_TIMEOUT,
        shutdown_signal(),
    )
    .await;
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM, so in-flight requests finish before exit.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
