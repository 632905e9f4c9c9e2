/** Everything a command may touch of the outside world; tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal. */
  isTTY: boolean;
  /** Whether stderr is a terminal (progress bars). */
  isErrTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  readStdin(): Promise<string>;
  setExitCode(code: number): void;
}

/** A usage problem: bad flags, a bad config file. Exits with 2, distinct from the gate's code. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_USAGE = 2;
/** The target could not be scanned at all (an unreadable image, no vulnerability database). */
export const EXIT_CANNOT_SCAN = 4;

export function processIO(): CliIO & { exitCode: number } {
  const io = {
    exitCode: 0,
    stdout: (t: string) => void process.stdout.write(t),
    stderr: (t: string) => void process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    isErrTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        if (size > 64 * 1024 * 1024) throw new UsageError('standard input is larger than 64 MiB');
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    setExitCode(code: number) {
      io.exitCode = code;
    },
  };
  return io;
}

/** Commander argument parser for comma-separated, repeatable list options. */
export function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}
