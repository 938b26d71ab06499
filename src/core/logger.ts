export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The core never prints: it reports through a logger the CLI gives it. */
export type Logger = (level: LogLevel, message: string, code?: string) => void;

export const silentLogger: Logger = () => {};
