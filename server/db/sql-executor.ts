import type { Client, InValue, Transaction } from "@libsql/client";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "./client";

export type DrizzleTx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * SQL text with positional `?` arguments, for the statements of the ingest path: there drizzle's
 * query builder cost more CPU per response than SQLite's own work (docs/benchmarks.md, "Ingest").
 * Everything else keeps drizzle's builder; the tables and migrations stay drizzle's.
 *
 * @example const rows = await exec.rows<{ n: number }>("select count(*) as n from responses where unit_code = ?", [code]);
 */
export interface SqlExecutor {
  rows<T extends object>(text: string, args: readonly InValue[]): Promise<T[]>;
}

/** Straight to a libSQL transaction (or client): no query builder in between. */
export function libsqlExecutor(target: Transaction | Client): SqlExecutor {
  return {
    async rows<T extends object>(text: string, args: readonly InValue[]) {
      return (await target.execute({ sql: text, args: args as InValue[] })).rows as unknown as T[];
    },
  };
}

/** The same statements inside a drizzle transaction, for the slower paths that hold one (reviews, imports, rebuilds). */
export function drizzleExecutor(tx: DrizzleTx | Database): SqlExecutor {
  return {
    rows<T extends object>(text: string, args: readonly InValue[]) {
      return tx.all<T>(withArgs(text, args));
    },
  };
}

function withArgs(text: string, args: readonly InValue[]): SQL {
  const pieces = text.split("?");
  if (pieces.length !== args.length + 1) throw new Error(`${pieces.length - 1} placeholders but ${args.length} arguments: ${text}`);
  const chunks: SQL[] = [sql.raw(pieces[0]!)];
  args.forEach((arg, i) => chunks.push(sql`${arg}`, sql.raw(pieces[i + 1]!)));
  return sql.join(chunks);
}

/** `?, ?, ?` for `count` arguments. */
export const placeholders = (count: number) => (count === 0 ? "" : "?" + ", ?".repeat(count - 1));
