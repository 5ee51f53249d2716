/**
 * Captures what the app logs. pino writes to `process.stdout` (instead of straight to file
 * descriptor 1) when `process.stdout.write` has been replaced before the logger is made, so start
 * capturing before `createTestApp` and stop after `close()`.
 */
export function captureLogs(): { text(): string; stop(): void } {
  const original = process.stdout.write;
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  return {
    text: () => out,
    stop: () => {
      process.stdout.write = original;
    },
  };
}
