import type { RunningServer } from './server';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __server?: RunningServer }).__server?.cleanup();
}
