/**
 * Runs `batch` repeatedly for about `durationMs` after a warm-up and returns operations per second.
 * `batch` returns how many operations it performed.
 */
export async function opsPerSecond(
  batch: () => Promise<number>,
  durationMs = 1_000,
  warmupMs = 300,
): Promise<number> {
  const warmupEnd = performance.now() + warmupMs;
  while (performance.now() < warmupEnd) await batch();
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    operations += await batch();
    elapsed = performance.now() - start;
  } while (elapsed < durationMs);
  return (operations / elapsed) * 1_000;
}
