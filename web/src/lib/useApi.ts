import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  | { status: 'idle'; data: undefined; error: undefined; previous: T | undefined }
  | { status: 'loading'; data: undefined; error: undefined; previous: T | undefined }
  | { status: 'success'; data: T; error: undefined; previous: T | undefined }
  | { status: 'error'; data: undefined; error: Error; previous: T | undefined };

type Stored<T> = AsyncState<T> & { key: string | null };

const toError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

/**
 * Loads data for `key` (null: load nothing), cancelling the previous request when the key changes. `previous` keeps
 * the last successful data so a list can stay on screen, dimmed, while a new search runs.
 */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): AsyncState<T> & { reload: () => void } {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Stored<T>>({ key: null, status: 'idle', data: undefined, error: undefined, previous: undefined });

  useEffect(() => {
    if (key === null) {
      setState((s) => ({ key, status: 'idle', data: undefined, error: undefined, previous: s.data ?? s.previous }));
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ key, status: 'loading', data: undefined, error: undefined, previous: s.data ?? s.previous }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, status: 'success', data, error: undefined, previous: data });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ key, status: 'error', data: undefined, error: toError(err), previous: s.previous }));
      },
    );
    return () => {
      controller.abort();
    };
  }, [key, attempt]);

  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);

  // Until the effect for a new key has run, the stored state belongs to the old key: report it as loading.
  if (state.key !== key) {
    const previous = state.data ?? state.previous;
    const pending: AsyncState<T> =
      key === null
        ? { status: 'idle', data: undefined, error: undefined, previous }
        : { status: 'loading', data: undefined, error: undefined, previous };
    return { ...pending, reload };
  }
  const { key: _key, ...current } = state;
  return { ...current, reload };
}
