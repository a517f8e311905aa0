import { createRequire } from "node:module";
import pino, { type Logger } from "pino";
import { currentRequest } from "./request-context.server";

/**
 * The process's one logger: JSON lines on stdout (pino), at LOG_LEVEL (default info). With
 * LOG_FORMAT=pretty, or under `npm run dev`, lines are printed for people by pino-pretty. Every
 * line written while a request is answered carries its request id.
 */
const KEY = Symbol.for("sprintlab.logger");

function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve("pino-pretty");
    return true;
  } catch {
    return false;
  }
}

/** The logger as configured from the environment; `destination` is for tests that read its lines. */
export function makeLogger(destination?: pino.DestinationStream): Logger {
  const pretty = (process.env.LOG_FORMAT ?? (process.env.NODE_ENV === "development" ? "pretty" : "json")) === "pretty";
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL || "info",
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const request = currentRequest();
      return request ? { reqId: request.id } : {};
    },
    // Nothing that could be a credential is ever written, whoever logs it.
    redact: {
      paths: ["password", "token", "*.password", "*.token", "req.headers.authorization", "req.headers.cookie", "headers.authorization", "headers.cookie"],
      censor: "[redacted]",
    },
  };
  if (destination) return pino(options, destination);
  if (pretty && prettyAvailable()) {
    return pino(options, pino.transport({ target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss.l", ignore: "pid" } }));
  }
  return pino(options);
}

export function logger(): Logger {
  const holder = globalThis as Record<symbol, Logger | undefined>;
  return (holder[KEY] ??= makeLogger());
}
