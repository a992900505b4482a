import type { z } from 'zod';

/** Every failure a repository reports is one of these, so callers can show a precise state. */
export class RepositoryError extends Error {
  constructor(
    readonly code: 'invalid' | 'not-found' | 'duplicate',
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'RepositoryError';
  }
}

export function invalid(what: string, error: z.ZodError): RepositoryError {
  // Paths and codes only: never the values, which may be a person's name or email.
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
  return new RepositoryError('invalid', `${what} is not valid: ${issues.map((i) => i.path || '(root)').join(', ')}`, issues);
}

export function notFound(what: string, id: string): RepositoryError {
  return new RepositoryError('not-found', `${what} ${id} does not exist`);
}
