fn main() {
    talk_catalog::ui::mount();
}
