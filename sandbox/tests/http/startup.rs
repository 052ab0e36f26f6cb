//! Starting up: the state file that survives a restart, and configurations that refuse to start.

use super::*;

#[tokio::test]
async fn state_survives_a_restart_through_the_state_file() {
    let dir = std::env::temp_dir().join(format!("sandbox-state-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("state.json");
    let _ = std::fs::remove_file(&file);
    let with_file = || SandboxConfig {
        state_file: Some(file.clone()),
        ..config()
    };

    let first = start_with(with_file()).await;
    assert!(file.exists(), "the file is written at start-up");
    let token = first.session("user_1").await;
    first
        .connect_key_based(
            &token,
            "copper",
            json!({"api_token": "t", "email": "a@b.example"}),
        )
        .await;
    first.config(&token, "copper").await;
    first.running.shutdown().await;

    let second = start_with(with_file()).await;
    let (status, apps) =
        send(second.bearer(Method::GET, "/api/v2/f-sdk/application/copper", &token)).await;
    assert_eq!(status, StatusCode::OK, "the token survives: {apps}");
    assert_eq!(apps["connected"], true);
    let (status, _) =
        send(second.bearer(Method::GET, "/api/v2/f-sdk/slug/copper/config", &token)).await;
    assert_eq!(status, StatusCode::OK);
    second.running.shutdown().await;

    std::fs::write(&file, b"{ not json").unwrap();
    let err = sandbox::spawn(with_file())
        .await
        .expect_err("a corrupt file stops the start");
    assert!(
        err.to_string().contains("cannot read the state file"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        b"{ not json",
        "the file is left alone"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_hand_built_config_with_a_key_cobalt_would_not_issue_is_refused() {
    let config = SandboxConfig {
        api_keys: vec!["secret".into()],
        ..config()
    };
    let err = sandbox::spawn(config)
        .await
        .expect_err("the key is refused");
    assert!(err.to_string().contains("SANDBOX_API_KEYS"), "{err}");
    assert!(!err.to_string().contains("secret"), "{err}");
}

#[tokio::test]
async fn an_unwritable_state_file_location_is_a_startup_error() {
    let config = SandboxConfig {
        state_file: Some("/nonexistent-dir/state.json".into()),
        ..config()
    };
    let err = sandbox::spawn(config)
        .await
        .expect_err("cannot write there");
    assert!(err.to_string().contains("state file"), "{err}");
}
