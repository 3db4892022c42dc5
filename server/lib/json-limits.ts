/**
 * Structural limits on the JSON a client sends, checked right after parsing and before anything
 * recursive (zod, the answer validator, canonical JSON, JSON.stringify) touches it: recursion on
 * a value 5,000 arrays deep overflowed the stack and answered 500 (issue 11, hole 7). The 64 KiB
 * body limit bounds the total size; these bound its shape. Our largest legitimate body (a
 * response's answers: about a hundred keys, lists of a few dozen choices, depth 3) stays far
 * below every one of them.
 */
export const JSON_LIMITS = {
  /** Nesting of objects and arrays: `{"answers":{"q":[…]}}` is 3. */
  maxDepth: 32,
  /** Values in the whole document, containers included. */
  maxValues: 10_000,
  /** Keys in one object. */
  maxKeys: 1_000,
  /** Elements in one array. */
  maxItems: 1_000,
  /** UTF-16 code units in one string or key. */
  maxStringLength: 20_000,
} as const;

export interface JsonLimitBreach {
  /** Where the limit was hit, as dotted path (array indexes as numbers); "" is the whole body. */
  path: string;
  message: string;
}

/**
 * The first place where a parsed JSON value breaks a limit, or null. Iterative (an explicit
 * stack), so any depth JSON.parse accepted is checked without recursion; it stops at the first
 * breach, so its cost is bounded by the limits, not by the input.
 *
 * @example findJsonLimitBreach(JSON.parse("[[[[1]]]]"), { ...JSON_LIMITS, maxDepth: 2 }) // { path: "0.0", message: … }
 */
export function findJsonLimitBreach(root: unknown, limits: typeof JSON_LIMITS = JSON_LIMITS): JsonLimitBreach | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: root, depth: 0, path: "" }];
  let values = 0;
  const join = (path: string, key: string | number) => (path === "" ? String(key) : `${path}.${key}`);
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (++values > limits.maxValues) return { path, message: `JSON 中的值超过 ${limits.maxValues} 个` };
    if (typeof value === "string") {
      if (value.length > limits.maxStringLength) return { path, message: `文本超过 ${limits.maxStringLength} 个字符` };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth + 1 > limits.maxDepth) return { path, message: `JSON 嵌套超过 ${limits.maxDepth} 层` };
    if (Array.isArray(value)) {
      if (value.length > limits.maxItems) return { path, message: `数组超过 ${limits.maxItems} 个元素` };
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1, path: join(path, i) });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > limits.maxKeys) return { path, message: `对象超过 ${limits.maxKeys} 个键` };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key.length > limits.maxStringLength) return { path, message: `键名超过 ${limits.maxStringLength} 个字符` };
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: join(path, key) });
    }
  }
  return null;
}
