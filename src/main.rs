fn main() -> std::process::ExitCode {
    sitrep::cli::main()
}
