import { organizerEnv } from './organizer';
import { startServer } from './server';

/** One server for the whole browser run; tests create their own users and data through it. */
export default async function globalSetup(): Promise<void> {
  const server = await startServer(organizerEnv());
  (globalThis as { __server?: typeof server }).__server = server;
  process.env.E2E_BASE_URL = server.baseUrl;
}
