//! The app's entry point: mounts [`put_it_right::app::App`] in the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(put_it_right::app::App);
}

/// The app runs only in the browser; natively there is nothing to run (the
/// crate's pure logic is tested with `cargo test`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
