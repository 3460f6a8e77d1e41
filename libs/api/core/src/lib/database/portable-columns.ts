import { type QueryRunner, type TableColumnOptions, TableForeignKey } from 'typeorm';

/**
 * Column definitions for migrations that must produce the same schema on SQLite and PostgreSQL
 * as the entities declare (checked by the schema-drift test on both databases).
 */
export class PortableColumns {
  private readonly postgres: boolean;

  constructor(queryRunner: QueryRunner) {
    this.postgres = queryRunner.connection.options.type === 'postgres';
  }

  id(): TableColumnOptions {
    return { name: 'id', type: 'varchar', length: '36', isPrimary: true };
  }

  reference(name: string, options: { nullable?: boolean } = {}): TableColumnOptions {
    return { name, type: 'varchar', length: '36', isNullable: options.nullable ?? false };
  }

  varchar(
    name: string,
    length: number,
    options: { nullable?: boolean; default?: string } = {},
  ): TableColumnOptions {
    return {
      name,
      type: 'varchar',
      length: String(length),
      isNullable: options.nullable ?? false,
      ...(options.default !== undefined ? { default: `'${options.default}'` } : {}),
    };
  }

  text(name: string, options: { nullable?: boolean } = {}): TableColumnOptions {
    return { name, type: 'text', isNullable: options.nullable ?? false };
  }

  integer(name: string, options: { nullable?: boolean; default?: number } = {}): TableColumnOptions {
    return {
      name,
      type: 'integer',
      isNullable: options.nullable ?? false,
      ...(options.default !== undefined ? { default: String(options.default) } : {}),
    };
  }

  boolean(name: string, options: { default?: boolean } = {}): TableColumnOptions {
    return {
      name,
      type: 'boolean',
      isNullable: false,
      ...(options.default !== undefined
        ? { default: this.postgres ? String(options.default) : options.default ? '1' : '0' }
        : {}),
    };
  }

  /** A point in time, stored as UTC (PostgreSQL sessions run with TimeZone=UTC, see data-source-options). */
  timestamp(name: string, options: { nullable?: boolean } = {}): TableColumnOptions {
    return { name, type: this.postgres ? 'timestamp' : 'datetime', isNullable: options.nullable ?? false };
  }

  /** Matches TypeORM's `@CreateDateColumn()` / `@UpdateDateColumn()`. */
  createdAt(name = 'created_at'): TableColumnOptions {
    return { ...this.timestamp(name), default: this.postgres ? 'now()' : "datetime('now')" };
  }
}

/** What the database does to a row when the row it references is deleted. */
type OnDelete = 'CASCADE' | 'SET NULL' | 'RESTRICT' | 'NO ACTION';

/**
 * The foreign keys migrations declare, each to another table's `id`. TypeORM names a key by a hash
 * of its table and columns only, so a key built here gets the same name as one built by hand.
 */
export const ForeignKeys = {
  references(column: string, table: string, onDelete: OnDelete): TableForeignKey {
    return new TableForeignKey({
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      onDelete,
    });
  },

  /** A tenant's row: deleting the organization deletes it. */
  belongsToOrganization(): TableForeignKey {
    return ForeignKeys.references('organization_id', 'organizations', 'CASCADE');
  },
};
