import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Adds a member to the admin's organization, straight in the e2e API's SQLite file: the API has
 * no route to create users yet. The member shares the admin's password hash, so it signs in with
 * the admin's password. Test setup only (see the lint exception in this project's eslint config).
 */
export function seedMember(dataDir: string, adminEmail: string, memberEmail: string): void {
  const db = new Database(join(dataDir, 'mailroute.sqlite'));
  try {
    const admin = db
      .prepare('SELECT organization_id, password_hash FROM users WHERE email = ?')
      .get(adminEmail) as { organization_id: string; password_hash: string } | undefined;
    if (admin === undefined) {
      throw new Error(`The e2e admin ${adminEmail} was not seeded`);
    }
    db.prepare(
      `INSERT INTO users (id, organization_id, email, name, password_hash, role, locale)
       VALUES (?, ?, ?, ?, ?, 'member', NULL)`,
    ).run(randomUUID(), admin.organization_id, memberEmail, 'Browser Test Member', admin.password_hash);
  } finally {
    db.close();
  }
}
