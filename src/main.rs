//! Browser entry point: panic hook, then mount the app.

fn main() {
    console_error_panic_hook::set_once();
    // The static loading shell of index.html gives way to the app.
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot-shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(roadboard::app::App);
}
