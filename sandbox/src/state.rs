//! `SandboxState`: the settings, the catalog, the data behind a lock, runtime switches, and
//! the optional state file that the data is snapshotted to after each change.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use cobalt::Environment;

use crate::catalog::Catalog;
use crate::config::{SandboxConfig, SandboxConfigError, environment_of_key};
use crate::error::SandboxError;
use crate::runtime::Runtime;
use crate::store::{self, Data};

/// The org every API key of the sandbox belongs to.
pub const ORG_ID: &str = "65f2c0de5a1b2c3d4e5f6071";
pub const ORG_NAME: &str = "Sandbox Org";

/// Shared, cheaply clonable handle to the sandbox.
#[derive(Clone)]
pub struct SandboxState {
    shared: Arc<Shared>,
}

struct Shared {
    settings: Settings,
    catalog: Catalog,
    data: RwLock<Data>,
    runtime: Mutex<Runtime>,
    http: reqwest::Client,
    state_file: Option<StateFile>,
}

/// What the sandbox was started with.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Configured keys with the environment each belongs to.
    pub api_keys: Vec<(String, Environment)>,
    pub allowed_origins: Vec<String>,
    pub webhook_urls: Vec<String>,
    /// Where clients reach the sandbox, e.g. `http://127.0.0.1:3100`; used in logo and auth URLs.
    pub base_url: String,
}

impl std::fmt::Debug for SandboxState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxState")
            .field("base_url", &self.settings().base_url)
            .finish()
    }
}

impl SandboxState {
    /// Builds the state for a sandbox reachable at `base_url`, reloading the state file if
    /// the config names one. An unreadable or corrupt file is an error, never a silent reset.
    pub fn new(config: &SandboxConfig, base_url: impl Into<String>) -> Result<Self, SandboxError> {
        // A config built in code skips `from_lookup`'s checks; a key Cobalt would not issue
        // must not be silently ignored.
        let api_keys = config
            .api_keys
            .iter()
            .map(|key| {
                environment_of_key(key)
                    .map(|environment| (key.clone(), environment))
                    .ok_or_else(|| SandboxConfigError::Invalid {
                        name: "SANDBOX_API_KEYS",
                        reason: "every key must start with \"tk\" (test) or \"pk\" (production)"
                            .into(),
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if api_keys.is_empty() {
            return Err(SandboxConfigError::Invalid {
                name: "SANDBOX_API_KEYS",
                reason: "no key given".into(),
            }
            .into());
        }
        let extra = config
            .extra_apps
            .iter()
            .map(|app| serde_json::from_value(app.clone()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|err| SandboxError::Catalog(err.to_string()))?;
        let catalog = Catalog::seeded()?.with_apps(extra)?;
        let state_file = config.state_file.clone().map(StateFile::new);
        let data = match &state_file {
            Some(file) => file.load()?.unwrap_or_else(Data::new),
            None => Data::new(),
        };
        if let Some(file) = &state_file {
            // Writing at start-up proves the location is writable before any client relies on it.
            file.write(&data)?;
        }
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(5))
            .user_agent("cobalt-sandbox")
            .build()?;
        Ok(Self {
            shared: Arc::new(Shared {
                settings: Settings {
                    api_keys,
                    allowed_origins: config
                        .allowed_origins
                        .iter()
                        .map(|origin| origin.trim_end_matches('/').to_owned())
                        .collect(),
                    webhook_urls: config.webhook_urls.clone(),
                    base_url: base_url.into().trim_end_matches('/').to_owned(),
                },
                catalog,
                data: RwLock::new(data),
                runtime: Mutex::new(Runtime::default()),
                http,
                state_file,
            }),
        })
    }

    pub fn settings(&self) -> &Settings {
        &self.shared.settings
    }

    pub fn catalog(&self) -> &Catalog {
        &self.shared.catalog
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.shared.http
    }

    /// Reads the data. A panic while holding the lock cannot leave the data half-written
    /// (handlers validate before mutating), so a poisoned lock is simply taken over.
    pub fn read(&self) -> RwLockReadGuard<'_, Data> {
        self.shared
            .data
            .read()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub fn write(&self) -> RwLockWriteGuard<'_, Data> {
        self.shared
            .data
            .write()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub fn runtime(&self) -> MutexGuard<'_, Runtime> {
        self.shared
            .runtime
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The environment of a configured API key; `None` for any other key.
    pub fn key_environment(&self, key: &str) -> Option<Environment> {
        self.settings()
            .api_keys
            .iter()
            .find(|(known, _)| known.as_bytes() == key.as_bytes())
            .map(|(_, environment)| environment.clone())
    }

    /// The key webhooks of `environment` are signed with: its first configured key.
    pub fn signing_key(&self, environment: &Environment) -> &str {
        let keys = &self.settings().api_keys;
        keys.iter()
            .find(|(_, env)| env == environment)
            .or(keys.first())
            .map_or("", |(key, _)| key.as_str())
    }

    pub fn logo_url(&self, slug: &str) -> String {
        format!("{}/logos/{slug}.svg", self.settings().base_url)
    }

    pub fn is_allowed_origin(&self, origin: &str) -> bool {
        self.settings()
            .allowed_origins
            .iter()
            .any(|allowed| allowed == origin)
    }

    /// Snapshots the data to the state file, if there is one. Called after every change; a
    /// failure is logged because the change itself has already been answered for.
    pub async fn persist(&self) {
        let Some(file) = &self.shared.state_file else {
            return;
        };
        // One writer at a time, each writing the newest data, so the file never goes back.
        let _writer = file.writer.lock().await;
        let snapshot = self.read().clone();
        let file_for_task = file.clone_path();
        let result = tokio::task::spawn_blocking(move || file_for_task.write(&snapshot)).await;
        match result {
            Ok(Ok(())) => {}
            Ok(Err(err)) => tracing::error!(error = %err, "state snapshot failed"),
            Err(err) => tracing::error!(error = %err, "state snapshot task failed"),
        }
    }

    /// Replaces the data with a fresh, empty store (keeping the token key) and clears every
    /// runtime switch.
    pub async fn reset(&self) {
        {
            let mut data = self.write();
            let secret = data.jwt_secret.clone();
            *data = Data::new();
            data.jwt_secret = secret;
        }
        *self.runtime() = Runtime::default();
        self.persist().await;
    }
}

/// The state file and the lock that serializes writers.
struct StateFile {
    path: PathBuf,
    writer: tokio::sync::Mutex<()>,
}

/// The path alone, moved into the blocking writer task.
struct StatePath(PathBuf);

impl StateFile {
    fn new(path: PathBuf) -> Self {
        Self {
            path,
            writer: tokio::sync::Mutex::new(()),
        }
    }

    fn clone_path(&self) -> StatePath {
        StatePath(self.path.clone())
    }

    /// The saved data, or `None` if the file does not exist yet.
    fn load(&self) -> Result<Option<Data>, SandboxError> {
        let error = |reason: String| SandboxError::StateFile {
            path: self.path.clone(),
            reason,
        };
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(error(err.to_string())),
        };
        let data: Data = serde_json::from_slice(&bytes)
            .map_err(|err| error(format!("not a sandbox snapshot ({err})")))?;
        if data.format != store::FORMAT {
            return Err(error(format!(
                "snapshot format {} is not the supported {}",
                data.format,
                store::FORMAT
            )));
        }
        Ok(Some(data))
    }

    fn write(&self, data: &Data) -> Result<(), SandboxError> {
        self.clone_path().write(data)
    }
}

impl StatePath {
    /// Writes a temporary file next to the target and renames it over the target, so a
    /// reader (or a crash) sees the old snapshot or the new one, never half of one.
    fn write(&self, data: &Data) -> Result<(), SandboxError> {
        let error = |source| SandboxError::StateWrite {
            path: self.0.clone(),
            source,
        };
        let bytes =
            serde_json::to_vec_pretty(data).map_err(|err| error(std::io::Error::other(err)))?;
        let temporary = temporary_path(&self.0);
        let mut file = std::fs::File::create(&temporary).map_err(error)?;
        file.write_all(&bytes).map_err(error)?;
        file.sync_all().map_err(error)?;
        std::fs::rename(&temporary, &self.0).map_err(error)
    }
}

fn temporary_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".tmp");
    PathBuf::from(name)
}
