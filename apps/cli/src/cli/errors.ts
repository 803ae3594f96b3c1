/** A bad command line: exit code 2 with the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes (docs/cli.md): 0 ok, 1 user or data error, 2 usage error, 3 internal error. */
export const EXIT = { ok: 0, user: 1, usage: 2, internal: 3 } as const;
