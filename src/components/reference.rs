use leptos::prelude::*;

use crate::format::reference_parts;

/// A case reference ("CMP-2026-00002"): kept whole on its line wherever the
/// line has room (see `.app-reference` in the style), and otherwise ended
/// only after a hyphen, never cut inside a number.
#[component]
pub fn Reference(
    #[prop(into)] text: String,
    /// Classes besides `app-reference`.
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    let parts: Vec<String> = reference_parts(&text)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let last = parts.len().saturating_sub(1);
    let class = if class.is_empty() {
        "app-reference".to_owned()
    } else {
        format!("app-reference {class}")
    };
    view! {
        <strong class=class data-testid=testid>
            {parts
                .into_iter()
                .enumerate()
                .map(|(i, part)| view! { {part}{(i < last).then(|| view! { <wbr /> })} })
                .collect_view()}
        </strong>
    }
}
