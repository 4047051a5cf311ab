//! `notify-stand-in --port N`: GOV.UK Notify's REST API on 127.0.0.1, for
//! the end-to-end tests (see `stand_ins::notify`). What it accepted is at
//! `GET /stand-in/received?to=…`.

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let mut port: u16 = 0;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                port = args
                    .next()
                    .and_then(|p| p.parse().ok())
                    .expect("--port takes a number");
            }
            other => panic!("unknown argument {other}: use --port N"),
        }
    }
    let stand_in = stand_ins::notify::NotifyStandIn::default();
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .expect("the port is free");
    println!(
        "GOV.UK Notify stand-in on http://{}",
        listener.local_addr().expect("an address")
    );
    axum::serve(listener, stand_in.router())
        .await
        .expect("the stand-in serves");
}
