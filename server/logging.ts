import pino from 'pino';
import type { Logger } from './store/log';

/**
 * The server's log: JSON lines on stdout with `time`, `level` and `msg` (and `reqId` where a
 * request is concerned). Messages are written by our own code, which never puts secrets in them
 * (`server/secret-scan.test.ts` checks the lines).
 *
 * Written asynchronously in 4 KB batches: a synchronous write to a pipe whose reader lags (a log
 * collector under the same load) blocks the event loop until the reader catches up, which stalled
 * every in-flight request for seconds under load. pino flushes what is buffered when the process
 * exits; `handleShutdown` flushes before it exits too.
 */
export function createLogger(
  level = process.env['LOG_LEVEL'] ?? 'info',
  /** A file descriptor or path (benchmarks write to /dev/null); stdout by default. */
  dest: number | string = 1,
): pino.Logger {
  return pino(
    {
      level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.destination({ dest, sync: false, minLength: 4096 }),
  );
}

/** A store-style logger over a line function (the dev server's, tests'). */
export function lineLogger(log: (line: string) => void): Logger {
  return { info: log, warn: log, error: log };
}
