/** Where a command prints and what it reads from its environment: the process, or a test's buffers. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the user asks the command to stop (Ctrl-C); `dev --serve` waits on it. */
  interrupted(): Promise<void>;
}

/** The process's own streams and environment. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  interrupted: () =>
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
};
