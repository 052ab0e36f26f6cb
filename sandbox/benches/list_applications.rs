//! Throughput of `GET /api/v2/public/application` under a bounded loopback load: N keep-alive
//! connections hammer one sandbox for a fixed time, then requests/s, p50, p99 and errors are
//! printed with the ratio to the 5,000 req/s target.
//!
//! `cargo bench -p sandbox --bench list_applications`
//! (`BENCH_SECONDS`, default 5, and `BENCH_CONNECTIONS`, default 32, change the load).

use std::time::{Duration, Instant};

use anyhow::Context;
use sandbox::SandboxConfig;

const TARGET_PER_SECOND: f64 = 5_000.0;
const KEY: &str = "tk_bench";

fn setting(name: &str, default: u64) -> anyhow::Result<u64> {
    match std::env::var(name) {
        Ok(text) => text
            .parse()
            .with_context(|| format!("{name} must be a whole number")),
        Err(_) => Ok(default),
    }
}

/// Calls until `deadline`; returns each success's latency in microseconds and the error count.
async fn connection(url: String, deadline: Instant) -> anyhow::Result<(Vec<u32>, u64)> {
    // One client per connection, so each worker holds its own keep-alive connection.
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(1)
        .build()?;
    let mut latencies = Vec::with_capacity(100_000);
    let mut errors = 0;
    while Instant::now() < deadline {
        let started = Instant::now();
        let ok = match client
            .get(&url)
            .header("x-api-key", KEY)
            .header("linked_account_id", "bench_user")
            .send()
            .await
        {
            Ok(response) => response.status().is_success() && response.bytes().await.is_ok(),
            Err(_) => false,
        };
        if ok {
            latencies.push(u32::try_from(started.elapsed().as_micros()).unwrap_or(u32::MAX));
        } else {
            errors += 1;
        }
    }
    Ok((latencies, errors))
}

fn percentile(sorted: &[u32], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() - 1) as f64 * fraction).round() as usize;
    f64::from(sorted[index]) / 1000.0
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let seconds = setting("BENCH_SECONDS", 5)?;
    let connections = setting("BENCH_CONNECTIONS", 32)?;
    let running = sandbox::spawn(SandboxConfig {
        addr: "127.0.0.1:0".parse()?,
        api_keys: vec![KEY.to_owned()],
        ..SandboxConfig::default()
    })
    .await?;
    let base = running.base_url();
    let setup = reqwest::Client::new();
    setup
        .put(format!("{base}/api/v2/public/linked-account"))
        .header("x-api-key", KEY)
        .json(&serde_json::json!({"linked_account_id": "bench_user", "name": "Bench"}))
        .send()
        .await?
        .error_for_status()?;
    let url = format!("{base}/api/v2/public/application");
    let body = setup
        .get(&url)
        .header("x-api-key", KEY)
        .header("linked_account_id", "bench_user")
        .send()
        .await?
        .bytes()
        .await?;

    // Warm up connections and caches before measuring.
    let warm_up = Instant::now() + Duration::from_millis(500);
    let warmers: Vec<_> = (0..connections)
        .map(|_| tokio::spawn(connection(url.clone(), warm_up)))
        .collect();
    for warmer in warmers {
        warmer.await??;
    }

    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let workers: Vec<_> = (0..connections)
        .map(|_| tokio::spawn(connection(url.clone(), deadline)))
        .collect();
    let mut latencies = Vec::new();
    let mut errors = 0;
    for worker in workers {
        let (mine, failed) = worker.await??;
        latencies.extend(mine);
        errors += failed;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let per_second = latencies.len() as f64 / elapsed;

    println!(
        "list applications: {connections} keep-alive connections for {seconds} s, {} B per answer",
        body.len()
    );
    println!("  requests  {}", latencies.len());
    println!(
        "  req/s     {per_second:.0}  ({:.2}x the {TARGET_PER_SECOND:.0} req/s target)",
        per_second / TARGET_PER_SECOND
    );
    println!("  p50       {:.2} ms", percentile(&latencies, 0.50));
    println!("  p99       {:.2} ms", percentile(&latencies, 0.99));
    println!("  errors    {errors}");
    running.shutdown().await;
    Ok(())
}
