import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { ApplyValueTransformers } from 'typeorm/util/ApplyValueTransformers';

/**
 * Plain SQL for the few statements every email runs through (store it, record its outcome): the
 * query builder costs several times the statement itself in CPU. Column names and values still
 * come from the entity's metadata (names, JSON, dates, transformers) and parameters are bound by
 * the driver, so these stay in step with the entity and portable between SQLite and PostgreSQL.
 */
export function plainInsert<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  values: Partial<T>,
): [string, unknown[]] {
  const columns = persistentColumns(dataSource, entity, values);
  return dataSource.driver.escapeQueryWithParameters(
    `INSERT INTO ${dataSource.getMetadata(entity).tableName} (${columns.map((column) => column.name).join(', ')})
     VALUES (${columns.map((column) => `:${column.parameter}`).join(', ')})`,
    Object.fromEntries(columns.map((column) => [column.parameter, column.value])),
    {},
  );
}

/**
 * `UPDATE <table> SET <values> WHERE <where>`; `where` uses named parameters (`:id`) given in
 * `parameters`. Answers the statement and its bound parameters.
 */
export function plainUpdate<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  values: Partial<T>,
  where: string,
  parameters: Record<string, unknown>,
): [string, unknown[]] {
  const columns = persistentColumns(dataSource, entity, values);
  return dataSource.driver.escapeQueryWithParameters(
    `UPDATE ${dataSource.getMetadata(entity).tableName}
     SET ${columns.map((column) => `${column.name} = :${column.parameter}`).join(', ')}
     WHERE ${where}`,
    { ...parameters, ...Object.fromEntries(columns.map((column) => [column.parameter, column.value])) },
    {},
  );
}

function persistentColumns<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  values: Partial<T>,
) {
  const metadata = dataSource.getMetadata(entity);
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([property, value], index) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) {
        throw new Error(`${metadata.name} has no column for ${property}`);
      }
      const transformed = column.transformer
        ? ApplyValueTransformers.transformTo(column.transformer, value)
        : (value as unknown);
      return {
        name: column.databaseName,
        parameter: `value_${index}`,
        value: dataSource.driver.preparePersistentValue(transformed, column) as unknown,
      };
    });
}

/** Entities from the rows of a plain `SELECT *` or `RETURNING *`, converted as the entity's columns say. */
export function entitiesFromRows<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  rows: readonly Record<string, unknown>[],
): T[] {
  const metadata = dataSource.getMetadata(entity);
  return rows.map((row) => {
    const instance = metadata.create() as T;
    for (const column of metadata.columns) {
      const value = dataSource.driver.prepareHydratedValue(row[column.databaseName], column) as unknown;
      (instance as Record<string, unknown>)[column.propertyName] = column.transformer
        ? ApplyValueTransformers.transformFrom(column.transformer, value)
        : value;
    }
    return instance;
  });
}
