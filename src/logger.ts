/** The structured JSON logger (pino). Created by the composition root and passed down; never a singleton. */
import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'sensorregister' } });
}
