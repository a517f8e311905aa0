import { constants } from "node:os";

/**
 * The exit code `npm start` passes on for its server process: the server's own code, or, when a
 * signal ended it, 0 only if that was the stop signal we forwarded and the server still closed
 * cleanly; any other death by a signal is 128 + its number, as a shell reports it.
 */
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null, forwarded: NodeJS.Signals | null): number {
  if (code !== null) return code;
  if (signal === null) return 1;
  if (signal === forwarded && (signal === "SIGTERM" || signal === "SIGINT")) return 0;
  return 128 + (constants.signals[signal] ?? 0);
}
