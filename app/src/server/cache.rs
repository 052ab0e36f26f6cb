//! A small per-key cache with expiry and single-flight loading: concurrent misses for one key
//! share one upstream call. Bounded, so a flood of accounts cannot grow it without limit.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Values of type `V` by string key.
pub struct Cache<V> {
    slots: Mutex<HashMap<String, Arc<Slot<V>>>>,
    capacity: usize,
}

struct Slot<V> {
    /// Held across the load, so the second caller waits for the first one's result.
    value: tokio::sync::Mutex<Option<Entry<V>>>,
}

struct Entry<V> {
    value: V,
    expires: Instant,
    /// The generation it was loaded under (see [`Cache::get_or_load`]).
    generation: u64,
}

impl<V: Clone> Cache<V> {
    pub fn new(capacity: usize) -> Self {
        Self {
            slots: Mutex::new(HashMap::new()),
            capacity: capacity.max(1),
        }
    }

    /// The cached value for `key` if it has not expired and was loaded under `generation`,
    /// else the result of `load`, which returns the value and when it expires. Errors are not
    /// cached. `generation` is the key's change counter, read before this call, so a change
    /// made during the load makes the next read load again.
    pub async fn get_or_load<E, F>(&self, key: &str, generation: u64, load: F) -> Result<V, E>
    where
        F: Future<Output = Result<(V, Instant), E>>,
    {
        let slot = self.slot(key);
        let mut value = slot.value.lock().await;
        if let Some(entry) = value.as_ref()
            && Instant::now() < entry.expires
            && entry.generation == generation
        {
            return Ok(entry.value.clone());
        }
        let (fresh, expires) = load.await?;
        *value = Some(Entry {
            value: fresh.clone(),
            expires,
            generation,
        });
        Ok(fresh)
    }

    /// Forgets `key` and returns its value, if one was cached and is not being loaded now.
    pub fn remove(&self, key: &str) -> Option<V> {
        let slot = self.lock().remove(key)?;
        let value = slot.value.try_lock().ok()?;
        value.as_ref().map(|entry| entry.value.clone())
    }

    /// Forgets `key`, so the next read loads afresh.
    pub fn invalidate(&self, key: &str) {
        self.lock().remove(key);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<Slot<V>>>> {
        // A panic while holding this lock leaves the map consistent (every operation is a
        // single insert or remove), so a poisoned lock is safe to keep using.
        self.slots
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn slot(&self, key: &str) -> Arc<Slot<V>> {
        let mut slots = self.lock();
        if let Some(slot) = slots.get(key) {
            return slot.clone();
        }
        if slots.len() >= self.capacity {
            Self::evict(&mut slots, self.capacity);
        }
        let slot = Arc::new(Slot {
            value: tokio::sync::Mutex::new(None),
        });
        slots.insert(key.to_owned(), slot.clone());
        slot
    }

    /// Drops expired entries; if that is not enough, drops idle entries until a quarter of the
    /// capacity is free. Entries being loaded right now are kept.
    fn evict(slots: &mut HashMap<String, Arc<Slot<V>>>, capacity: usize) {
        let now = Instant::now();
        slots.retain(|_, slot| match slot.value.try_lock() {
            Ok(value) => value.as_ref().is_some_and(|entry| entry.expires > now),
            Err(_) => true,
        });
        let target = capacity - capacity / 4;
        if slots.len() > target {
            let idle: Vec<String> = slots
                .iter()
                .filter(|(_, slot)| Arc::strong_count(slot) == 1)
                .map(|(key, _)| key.clone())
                .take(slots.len() - target)
                .collect();
            for key in idle {
                slots.remove(&key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    fn in_a_minute() -> Instant {
        Instant::now() + Duration::from_secs(60)
    }

    #[tokio::test]
    async fn concurrent_misses_share_one_load() {
        let cache = Arc::new(Cache::<u32>::new(10));
        let loads = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let (cache, loads) = (cache.clone(), loads.clone());
                tokio::spawn(async move {
                    cache
                        .get_or_load("a", 0, async {
                            loads.fetch_add(1, Ordering::SeqCst);
                            tokio::time::sleep(Duration::from_millis(20)).await;
                            Ok::<_, ()>((7, in_a_minute()))
                        })
                        .await
                })
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.unwrap(), Ok(7));
        }
        assert_eq!(loads.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn expired_values_and_invalidated_keys_load_again() {
        let cache = Cache::<u32>::new(10);
        let past = Instant::now();
        assert_eq!(
            cache
                .get_or_load("a", 0, async { Ok::<_, ()>((1, past)) })
                .await,
            Ok(1)
        );
        assert_eq!(
            cache
                .get_or_load("a", 0, async { Ok::<_, ()>((2, in_a_minute())) })
                .await,
            Ok(2)
        );
        assert_eq!(
            cache
                .get_or_load("a", 0, async { Ok::<_, ()>((3, in_a_minute())) })
                .await,
            Ok(2)
        );
        cache.invalidate("a");
        assert_eq!(
            cache
                .get_or_load("a", 0, async { Ok::<_, ()>((4, in_a_minute())) })
                .await,
            Ok(4)
        );
    }

    #[tokio::test]
    async fn another_generation_loads_again() {
        let cache = Cache::<u32>::new(10);
        let load = |v| async move { Ok::<_, ()>((v, in_a_minute())) };
        assert_eq!(cache.get_or_load("a", 1, load(1)).await, Ok(1));
        assert_eq!(cache.get_or_load("a", 1, load(2)).await, Ok(1));
        assert_eq!(cache.get_or_load("a", 2, load(3)).await, Ok(3));
    }

    #[tokio::test]
    async fn errors_are_not_cached() {
        let cache = Cache::<u32>::new(10);
        assert_eq!(
            cache
                .get_or_load("a", 0, async { Err::<(u32, Instant), _>("down") })
                .await,
            Err("down")
        );
        assert_eq!(
            cache
                .get_or_load("a", 0, async { Ok::<_, &str>((5, in_a_minute())) })
                .await,
            Ok(5)
        );
    }

    #[tokio::test]
    async fn the_cache_stays_within_its_capacity() {
        let cache = Cache::<u32>::new(8);
        for i in 0..100 {
            let key = format!("k{i}");
            cache
                .get_or_load(&key, 0, async { Ok::<_, ()>((i, in_a_minute())) })
                .await
                .unwrap();
            let held = cache.lock().len();
            assert!(held <= 8, "{held} entries");
        }
    }
}
