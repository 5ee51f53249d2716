import type { EmbeddedDatabase } from '../src/database/embedded';
import { adminQuery } from './helpers/databases';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.CA_TEST_ADMIN_URL;
  const template = process.env.CA_TEST_TEMPLATE;
  if (adminUrl && template) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await (globalThis as { __embeddedPg?: EmbeddedDatabase }).__embeddedPg?.stop();
}
