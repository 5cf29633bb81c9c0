import pino from 'pino';
import type { LogLevel } from './config';

export type Logger = pino.Logger;

/** Paths never written to logs: credentials and personal data. */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'password',
  'body.password',
  'err.config.databaseUrl',
  'config.databaseUrl',
];

/**
 * Logs go to stdout asynchronously: lines written while a write is in flight
 * are batched into the next one, so a busy server does not pay a system call
 * per line, and a quiet one still shows each line at once. Flushed on exit.
 */
export function stdoutDestination(): pino.DestinationStream {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 0 });
  process.on('exit', () => destination.flushSync());
  return destination;
}

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'smart-yongchuan' },
      timestamp: pino.stdTimeFunctions.epochTime,
      redact: { paths: redactPaths, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
