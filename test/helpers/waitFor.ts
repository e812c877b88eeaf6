// Waiting on conditions instead of sleeping: a promise that settles when a predicate holds, or fails with a message.

export interface Waiter<T> {
  readonly check: (value: T) => boolean;
  readonly resolve: (value: T) => void;
}

/**
 * Records every value pushed to it, and lets a test wait for the first recorded or future value that satisfies
 * a predicate. A timeout rejects with `description`, so a failing test says what it was waiting for.
 */
export class Recorder<T> {
  readonly values: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(value: T): void {
    this.values.push(value);
    const pending = this.waiters;
    this.waiters = [];
    for (const waiter of pending) {
      if (waiter.check(value)) waiter.resolve(value);
      else this.waiters.push(waiter);
    }
  }

  /** Waits for a value pushed from now on (ignores what was recorded before). */
  next(predicate: (value: T) => boolean, description: string, timeoutMs = 10_000): Promise<T> {
    return this.wait(predicate, description, timeoutMs, false);
  }

  /** Waits for a value already recorded or pushed later. */
  find(predicate: (value: T) => boolean, description: string, timeoutMs = 10_000): Promise<T> {
    return this.wait(predicate, description, timeoutMs, true);
  }

  private wait(predicate: (value: T) => boolean, description: string, timeoutMs: number, includePast: boolean): Promise<T> {
    if (includePast) {
      const found = this.values.find(predicate);
      if (found !== undefined) return Promise.resolve(found);
    }
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`));
      }, timeoutMs);
      const entry: Waiter<T> = {
        check: predicate,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      };
      this.waiters.push(entry);
    });
  }
}

/** Rejects with a clear message when `promise` does not settle in time. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, description: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
