//! Where sitrep keeps its files: the platform's config, data and cache
//! dirs (`directories`), each overridable by an environment variable so
//! tests and scripts can point it elsewhere.

use std::path::PathBuf;

fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "sitrep")
}

fn pick(var: &str, default: impl FnOnce(&directories::ProjectDirs) -> PathBuf) -> PathBuf {
    match std::env::var_os(var) {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => project()
            .map(|p| default(&p))
            .unwrap_or_else(|| PathBuf::from(".sitrep")),
    }
}

/// `SITREP_CONFIG_DIR`, else e.g. `~/.config/sitrep`.
pub fn config_dir() -> PathBuf {
    pick("SITREP_CONFIG_DIR", |p| p.config_dir().to_path_buf())
}

/// `SITREP_DATA_DIR`, else e.g. `~/.local/share/sitrep`.
pub fn data_dir() -> PathBuf {
    pick("SITREP_DATA_DIR", |p| p.data_dir().to_path_buf())
}

/// `SITREP_CACHE_DIR`, else e.g. `~/.cache/sitrep`.
pub fn cache_dir() -> PathBuf {
    pick("SITREP_CACHE_DIR", |p| p.cache_dir().to_path_buf())
}
