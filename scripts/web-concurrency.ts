/**
 * How many server processes `npm start` runs: WEB_CONCURRENCY, a whole number from 1 to 64
 * (unset or empty: 1). Anything else stops the start with a sentence saying what to set.
 */
export function webConcurrency(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 1;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new Error(`WEB_CONCURRENCY must be a whole number of server processes from 1 to 64; it is "${value}".`);
  }
  return n;
}
