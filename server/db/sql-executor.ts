import type { InValue, Transaction } from "@libsql/client";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "./client";

export type DrizzleTx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** One statement as SQL text with positional `?` arguments. */
export interface SqlStatement {
  sql: string;
  args: InValue[];
}

/**
 * SQL text with positional `?` arguments, for the statements of the ingest path: there drizzle's
 * query builder cost more CPU per response than SQLite's own work (docs/benchmarks.md, "Ingest").
 * Everything else keeps drizzle's builder; the tables and migrations stay drizzle's.
 *
 * @example const [rows] = await exec.batch([{ sql: "select count(*) as n from responses where unit_code = ?", args: [code] }]);
 */
export interface SqlExecutor {
  rows<T extends object>(text: string, args: readonly InValue[]): Promise<T[]>;
  /**
   * Several statements in order, in the caller's transaction. On a remote libSQL server (sqld,
   * Turso) they travel in one round trip; a failed statement fails the call, and the caller's
   * transaction is then rolled back rather than committed.
   */
  batch(statements: readonly SqlStatement[]): Promise<Record<string, unknown>[][]>;
}

/** Straight to a libSQL transaction: no query builder in between. */
export function libsqlExecutor(tx: Transaction): SqlExecutor {
  return {
    async rows<T extends object>(text: string, args: readonly InValue[]) {
      return (await tx.execute({ sql: text, args: args as InValue[] })).rows as unknown as T[];
    },
    async batch(statements) {
      if (statements.length === 0) return [];
      const results = await tx.batch(statements.map((s) => ({ sql: s.sql, args: s.args })));
      return results.map((r) => r.rows as unknown as Record<string, unknown>[]);
    },
  };
}

/** The same statements inside a drizzle transaction, for the slower paths that hold one (reviews, imports, rebuilds). */
export function drizzleExecutor(tx: DrizzleTx | Database): SqlExecutor {
  const rows = <T extends object>(text: string, args: readonly InValue[]) => tx.all<T>(withArgs(text, args));
  return {
    rows,
    async batch(statements) {
      const out: Record<string, unknown>[][] = [];
      for (const s of statements) out.push(await rows<Record<string, unknown>>(s.sql, s.args));
      return out;
    },
  };
}

function withArgs(text: string, args: readonly InValue[]): SQL {
  const pieces = text.split("?");
  if (pieces.length !== args.length + 1) throw new Error(`${pieces.length - 1} placeholders but ${args.length} arguments: ${text}`);
  const chunks: SQL[] = [sql.raw(pieces[0]!)];
  args.forEach((arg, i) => {
    chunks.push(sql`${arg}`, sql.raw(pieces[i + 1]!));
  });
  return sql.join(chunks);
}

/** `?, ?, ?` for `count` arguments. */
export const placeholders = (count: number) => (count === 0 ? "" : `?${", ?".repeat(count - 1)}`);
