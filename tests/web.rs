//! The app in a real browser (headless Chromium, via wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_app_mounts_its_shell_with_one_main_landmark() {
    leptos::mount::mount_to_body(put_it_right::app::App);
    let document = leptos::prelude::document();
    let main = document
        .get_element_by_id("main-content")
        .expect("a <main id=main-content>");
    assert_eq!(main.tag_name(), "MAIN");
    let skip = document
        .query_selector("a.app-skip-link")
        .unwrap()
        .expect("a skip link");
    assert_eq!(skip.get_attribute("href").as_deref(), Some("#main-content"));
    assert_eq!(skip.text_content().as_deref(), Some("Skip to main content"));
}
