export type Engine = typeof import('./engineModule');

let engine: Promise<Engine> | null = null;

/** The engine chunk, loaded once on first use; a failed load may be retried. */
export function loadEngine(): Promise<Engine> {
  engine ??= import(/* webpackChunkName: "engine" */ './engineModule').catch((err: unknown) => {
    engine = null;
    throw err;
  });
  return engine;
}
