/** SPEC / API: 5 failed sign-ins for one email within 15 minutes lock that email until the window passes. */
export const MAX_FAILED_ATTEMPTS = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Given the times of recent failed attempts (any order), how many seconds until another attempt
 * is allowed — 0 when it is allowed now.
 */
export function secondsUntilAllowed(failures: readonly Date[], now: Date): number {
  const inWindow = failures
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - WINDOW_MS && t <= now.getTime())
    .sort((a, b) => b - a);
  if (inWindow.length < MAX_FAILED_ATTEMPTS) return 0;
  // The lock lifts when the 5th most recent failure leaves the window.
  const fifth = inWindow[MAX_FAILED_ATTEMPTS - 1];
  return Math.max(1, Math.ceil((fifth + WINDOW_MS - now.getTime()) / 1000));
}
