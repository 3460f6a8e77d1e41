import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { OrganizationId } from '@mailroute/api/core';
import { SmtpSettingsChange } from './smtp-settings-change.entity';
import { SmtpSettings } from './smtp-settings.entity';

/** The organizations' SMTP settings and their history; every query names its organization. */
@Injectable()
export class SmtpSettingsRepository {
  constructor(
    @InjectRepository(SmtpSettings) private readonly settings: Repository<SmtpSettings>,
    @InjectRepository(SmtpSettingsChange) private readonly changes: Repository<SmtpSettingsChange>,
  ) {}

  find(organizationId: OrganizationId): Promise<SmtpSettings | null> {
    return this.settings.findOneBy({ organizationId });
  }

  /** Asked before every email of the organization: plain SQL, the query builder would cost more than the read. */
  async versionOf(organizationId: OrganizationId): Promise<string | null> {
    const { manager } = this.settings;
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
      `SELECT version FROM ${this.settings.metadata.tableName} WHERE organization_id = :organizationId`,
      { organizationId },
      {},
    );
    const rows: { version: string }[] = await manager.query(sql, parameters);
    return rows[0]?.version ?? null;
  }

  /**
   * Compare-and-set: stores `settings` only if the stored version is still `expectedVersion` (null:
   * none stored), so a save tested against settings that changed meanwhile cannot overwrite them.
   * False when they changed; then nothing was written.
   */
  async storeIfUnchanged(
    settings: SmtpSettings,
    expectedVersion: string | null,
    manager: EntityManager,
  ): Promise<boolean> {
    const repository = manager.getRepository(SmtpSettings);
    if (expectedVersion === null) {
      // Another save may have inserted the row since: then this insert is ignored (not a unique
      // violation, which would abort a PostgreSQL transaction), and the version read back tells.
      await repository.createQueryBuilder().insert().values(settings).orIgnore().execute();
      const stored = await repository.findOne({
        where: { organizationId: settings.organizationId },
        select: { version: true },
      });
      return stored?.version === settings.version;
    }
    const { organizationId, ...values } = settings;
    const result = await repository.update({ organizationId, version: expectedVersion }, values);
    return (result.affected ?? 0) > 0;
  }

  /** Removes the settings only if they are still at `expectedVersion`; false when they changed. */
  async removeIfUnchanged(
    organizationId: OrganizationId,
    expectedVersion: string,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(SmtpSettings)
      .delete({ organizationId, version: expectedVersion });
    return (result.affected ?? 0) > 0;
  }

  async record(change: SmtpSettingsChange, manager: EntityManager): Promise<void> {
    await manager.getRepository(SmtpSettingsChange).insert(change);
  }

  history(organizationId: OrganizationId, limit: number): Promise<SmtpSettingsChange[]> {
    return this.changes.find({
      where: { organizationId },
      order: { changedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /** Every organization's sealed password, for re-sealing under a new key. */
  sealedPasswords(): Promise<Pick<SmtpSettings, 'organizationId' | 'passwordSealed'>[]> {
    return this.settings.find({ select: { organizationId: true, passwordSealed: true } });
  }

  async reseal(organizationId: OrganizationId, from: string, to: string): Promise<boolean> {
    // Conditional on the old value: a save that raced the rotation keeps its own password.
    const result = await this.settings.update(
      { organizationId, passwordSealed: from },
      { passwordSealed: to },
    );
    return (result.affected ?? 0) > 0;
  }
}
