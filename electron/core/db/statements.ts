import type { Db } from './connection';

/**
 * Prepares a feature's statements once per connection: preparing is the costly part of a query,
 * and the hot paths (search, log a visit) run thousands of times.
 */
export const statementsFor = <S>(prepare: (db: Db) => S): ((db: Db) => S) => {
  const cache = new WeakMap<Db, S>();
  return (db) => {
    let statements = cache.get(db);
    if (statements === undefined) {
      statements = prepare(db);
      cache.set(db, statements);
    }
    return statements;
  };
};

/** Binds a list to one parameter: `... IN (SELECT value FROM json_each(?))`. */
export const jsonList = (values: readonly (string | number)[]): string => JSON.stringify(values);
