//! The TCP listener and the accept loop, with bounds that `axum::serve` lacks: at most `max`
//! connections at once (the next waits in the kernel's backlog until one closes), a connection
//! that has not been answered within `first_answer` of its accept (a client sending its headers
//! slowly, or not at all) is closed, and so is one with no traffic either way for `idle` once
//! answered. Live streams stay open: their keep-alive comments are traffic.
//!
//! [`serve`] hands each connection to hyper's HTTP/1.1 server directly. `axum::serve` first
//! reads up to 24 bytes to tell HTTP/2's preface from HTTP/1, and hyper then reads the rest of
//! the request into a buffer that grows from 8 to 16 KiB for that second read, and is kept for
//! as long as the connection lives: twice the memory of every idle live stream.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::{ConnectInfo, Request};
use axum::serve::Listener;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};

/// The bounds of [`Bounded`].
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    pub max: usize,
    pub first_answer: Duration,
    pub idle: Duration,
}

/// A [`TcpListener`] within [`ConnectionLimits`].
pub struct Bounded {
    inner: TcpListener,
    permits: Arc<Semaphore>,
    limits: ConnectionLimits,
}

impl Bounded {
    pub fn new(inner: TcpListener, limits: ConnectionLimits) -> Self {
        Self {
            inner,
            permits: Arc::new(Semaphore::new(limits.max)),
            limits,
        }
    }
}

impl Listener for Bounded {
    type Io = BoundedIo;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (BoundedIo, SocketAddr) {
        let permit = match self.permits.clone().acquire_owned().await {
            Ok(permit) => permit,
            // The semaphore is never closed.
            Err(_) => std::future::pending().await,
        };
        let (stream, addr) = Listener::accept(&mut self.inner).await;
        let io = BoundedIo {
            stream,
            deadline: Box::pin(tokio::time::sleep(self.limits.first_answer)),
            idle: self.limits.idle,
            answered: false,
            _permit: permit,
        };
        (io, addr)
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.local_addr()
    }
}

/// The client's socket address, as the limits read it (`ConnectInfo<Peer>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peer(pub SocketAddr);

/// Serves `app` over HTTP/1.1 on every connection `listener` accepts until `shutdown`
/// resolves; then stops accepting, asks each connection to close once its response is done,
/// and returns when all have.
pub async fn serve(mut listener: Bounded, app: axum::Router, shutdown: impl Future<Output = ()>) {
    // Connections watch `stop`; `stop.closed()` resolves once the last of them has ended.
    let (stop, stopping) = tokio::sync::watch::channel(());
    tokio::pin!(shutdown);
    loop {
        let (io, addr) = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let app = app.clone();
        let service = TowerToHyperService::new(tower::ServiceExt::map_request(
            app,
            move |mut request: Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(Peer(addr)));
                request.map(axum::body::Body::new)
            },
        ));
        let mut stopping = stopping.clone();
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(io), service)
                .with_upgrades();
            tokio::pin!(connection);
            tokio::select! {
                result = connection.as_mut() => log_end(result),
                _ = stopping.changed() => {
                    connection.as_mut().graceful_shutdown();
                    log_end(connection.await);
                }
            }
        });
    }
    drop(listener);
    drop(stopping);
    // Wakes every connection's `changed()`, then waits for them to drop their receivers.
    stop.send_replace(());
    stop.closed().await;
}

fn log_end(result: Result<(), hyper::Error>) {
    if let Err(error) = result {
        tracing::trace!(%error, "connection ended with an error");
    }
}

/// One connection: its stream, its deadline and its place among the open ones.
pub struct BoundedIo {
    stream: TcpStream,
    deadline: Pin<Box<Sleep>>,
    idle: Duration,
    /// Whether a byte was written: until then, reading does not extend the deadline.
    answered: bool,
    _permit: OwnedSemaphorePermit,
}

impl BoundedIo {
    fn expired(&mut self, cx: &mut Context<'_>) -> bool {
        self.deadline.as_mut().poll(cx).is_ready()
    }

    fn extend(&mut self) {
        self.deadline.as_mut().reset(Instant::now() + self.idle);
    }
}

fn timed_out() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "connection deadline passed")
}

impl AsyncRead for BoundedIo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.expired(cx) {
            return Poll::Ready(Err(timed_out()));
        }
        let before = buf.filled().len();
        let result = Pin::new(&mut self.stream).poll_read(cx, buf);
        if self.answered && buf.filled().len() > before {
            self.extend();
        }
        result
    }
}

impl AsyncWrite for BoundedIo {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.expired(cx) {
            return Poll::Ready(Err(timed_out()));
        }
        let result = Pin::new(&mut self.stream).poll_write(cx, data);
        if matches!(result, Poll::Ready(Ok(n)) if n > 0) {
            self.answered = true;
            self.extend();
        }
        result
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    async fn serve(limits: ConnectionLimits) -> SocketAddr {
        let listener = Bounded::new(TcpListener::bind("127.0.0.1:0").await.unwrap(), limits);
        let addr = listener.local_addr().unwrap();
        let app = axum::Router::new().route("/", axum::routing::get(|| async { "ok" }));
        tokio::spawn(super::serve(listener, app, std::future::pending()));
        addr
    }

    /// Reads until the server closes the connection; `None` if it is still open after `wait`.
    async fn closed_within(stream: &mut TcpStream, wait: Duration) -> Option<String> {
        let mut answer = Vec::new();
        tokio::time::timeout(wait, stream.read_to_end(&mut answer))
            .await
            .ok()?
            .ok()?;
        Some(String::from_utf8_lossy(&answer).into_owned())
    }

    const LIMITS: ConnectionLimits = ConnectionLimits {
        max: 2,
        first_answer: Duration::from_millis(300),
        idle: Duration::from_millis(300),
    };

    #[tokio::test]
    async fn a_client_that_never_finishes_its_headers_is_closed() {
        let addr = serve(LIMITS).await;
        let mut slow = TcpStream::connect(addr).await.unwrap();
        slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
            .await
            .unwrap();
        let answer = closed_within(&mut slow, Duration::from_secs(3)).await;
        assert!(
            answer.is_some_and(|a| !a.contains("ok")),
            "closed unanswered"
        );
    }

    #[tokio::test]
    async fn shutdown_closes_idle_connections_and_then_returns() {
        let listener = Bounded::new(TcpListener::bind("127.0.0.1:0").await.unwrap(), LIMITS);
        let addr = listener.local_addr().unwrap();
        let app = axum::Router::new().route("/", axum::routing::get(|| async { "ok" }));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(super::serve(listener, app, async move {
            stopped.await.ok();
        }));
        let mut idle = TcpStream::connect(addr).await.unwrap();
        idle.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            .await
            .unwrap();
        let mut answer = [0u8; 256];
        let read = idle.read(&mut answer).await.unwrap();
        assert!(String::from_utf8_lossy(&answer[..read]).ends_with("ok"));
        stop.send(()).unwrap();
        tokio::time::timeout(Duration::from_secs(3), server)
            .await
            .expect("serve returned")
            .unwrap();
        assert_eq!(
            closed_within(&mut idle, Duration::from_secs(1)).await,
            Some(String::new()),
            "the kept-alive connection was closed"
        );
        assert!(
            TcpStream::connect(addr).await.is_err(),
            "no longer listening"
        );
    }

    #[tokio::test]
    async fn connections_beyond_the_cap_wait_until_one_closes() {
        // Deadlines long enough not to free a place by themselves.
        let addr = serve(ConnectionLimits {
            first_answer: Duration::from_secs(30),
            idle: Duration::from_secs(30),
            ..LIMITS
        })
        .await;
        let _first = TcpStream::connect(addr).await.unwrap();
        let _second = TcpStream::connect(addr).await.unwrap();
        let mut third = TcpStream::connect(addr).await.unwrap();
        third
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        assert_eq!(
            closed_within(&mut third, Duration::from_millis(300)).await,
            None,
            "not accepted while two are open"
        );
        drop(_first);
        let answer = closed_within(&mut third, Duration::from_secs(3))
            .await
            .unwrap();
        assert!(answer.ends_with("ok"), "{answer}");
    }
}
