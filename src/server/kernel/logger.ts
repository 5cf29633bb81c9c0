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
  '*.password',
  '*.idNumber',
  '*.phone',
];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'smart-yongchuan' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
