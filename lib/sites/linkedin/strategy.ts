/** Try named strategies in order; record the names of those that found nothing (never page text). */
export type Strategy<T> = readonly [name: string, read: () => T | null | undefined];

export function resolve<T>(field: string, strategies: ReadonlyArray<Strategy<T>>, failed: string[]): T | null {
  for (const [name, read] of strategies) {
    let value: T | null | undefined = null;
    try {
      value = read();
    } catch {
      value = null;
    }
    if (value !== null && value !== undefined) return value;
    failed.push(`${field}:${name}`);
  }
  return null;
}
