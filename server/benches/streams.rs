//! Memory per idle live stream: opens `STREAMS` (10,000) `GET /events` streams against a
//! running release server and prints how much its resident memory grew per stream.
//!
//! `STREAMS_URL=http://127.0.0.1:3502 STREAMS_PID=<server pid> cargo bench -p server --bench streams`
//! (`scripts/bench.sh` starts a server with room for them: `STREAMS_PER_ACCOUNT=100`,
//! `MAX_STREAMS` and `MAX_CONNECTIONS` above the count, sign-up unlimited.)
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark should fail loudly"
)]

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const PER_ACCOUNT: usize = 100;

#[tokio::main]
async fn main() {
    let url = std::env::var("STREAMS_URL").expect("STREAMS_URL: the server under test");
    let pid = std::env::var("STREAMS_PID").expect("STREAMS_PID: its process id");
    let count: usize = std::env::var("STREAMS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let addr = url.trim_start_matches("http://").to_owned();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut cookies = Vec::new();
    for i in 0..count.div_ceil(PER_ACCOUNT) {
        cookies.push(sign_up(&http, &url, i).await);
    }
    // Settle: the first page views and sign-ups warm the allocator and the caches.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before = rss_kib(&pid);
    let mut streams = Vec::with_capacity(count);
    for batch in (0..count).collect::<Vec<_>>().chunks(500) {
        let opened =
            futures::future::join_all(batch.iter().map(|i| open(&addr, &cookies[i / PER_ACCOUNT])))
                .await;
        streams.extend(opened);
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let after = rss_kib(&pid);
    println!(
        "{count} idle /events streams: server RSS {:.1} MiB -> {:.1} MiB, {:.1} KiB per stream (goal <= 16)",
        before as f64 / 1024.0,
        after as f64 / 1024.0,
        (after - before) as f64 / count as f64
    );
    drop(streams);
}

/// Signs a new account up through the form; returns its session cookie.
async fn sign_up(http: &reqwest::Client, url: &str, i: usize) -> String {
    let page = http
        .get(format!("{url}/signup"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let marker = r#"name="ticket" value=""#;
    let start = page.find(marker).unwrap() + marker.len();
    let ticket = page[start..].split('"').next().unwrap();
    let reply = http
        .post(format!("{url}/signup"))
        .header("origin", url)
        .form(&[
            ("name", "Streams"),
            ("email", &format!("streams{i}@example.com")),
            ("ticket", ticket),
        ])
        .send()
        .await
        .unwrap();
    reply
        .headers()
        .get("set-cookie")
        .expect("signed in")
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

/// Opens one stream and reads until its `ready` event: from then on it is idle.
async fn open(addr: &str, cookie: &str) -> TcpStream {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "GET /events HTTP/1.1\r\nhost: {addr}\r\ncookie: {cookie}\r\naccept: text/event-stream\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut seen = Vec::new();
    let mut buffer = [0u8; 1024];
    while !String::from_utf8_lossy(&seen).contains("event: ready") {
        let read = stream.read(&mut buffer).await.unwrap();
        assert!(read > 0, "{}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buffer[..read]);
    }
    stream
}

/// The resident set of process `pid`, in KiB.
fn rss_kib(pid: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}
