import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SavedQuestion } from '../../../src/shared/contracts/saved.js';
import { api } from '../api.js';

export type { SavedQuestion };

interface SavedState {
  status: 'loading' | 'ready' | 'error';
  error: Error | undefined;
  items: SavedQuestion[];
}

export interface SavedApi extends SavedState {
  isSaved: (id: string) => boolean;
  /** Saves (or re-saves with a new note). Rejects with the API's message. */
  save: (id: string, note?: string) => Promise<SavedQuestion>;
  remove: (id: string) => Promise<void>;
  reload: () => void;
}

const SavedContext = createContext<SavedApi | null>(null);

/**
 * The user's saved questions, loaded once and shared by every save toggle and the Saved page. `scope` names whose
 * they are (server mode: the organization requests act for): a new scope loads them again.
 */
export function SavedProvider({ scope, children }: { scope?: string; children: ReactNode }) {
  const [state, setState] = useState<SavedState>({ status: 'loading', error: undefined, items: [] });
  const [attempt, setAttempt] = useState(0);
  const loadedScope = useRef(scope);

  useEffect(() => {
    const controller = new AbortController();
    // Another scope's saved questions are not this one's: drop them rather than show them while loading.
    const fresh = loadedScope.current !== scope;
    loadedScope.current = scope;
    setState((s) => ({ status: 'loading', error: undefined, items: fresh ? [] : s.items }));
    api.listSaved(controller.signal).then(
      (items) => {
        if (controller.signal.aborted) return;
        setState({ status: 'ready', error: undefined, items });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, status: 'error', error: err instanceof Error ? err : new Error(String(err)) }));
      },
    );
    return () => {
      controller.abort();
    };
  }, [attempt, scope]);

  const save = useCallback(async (id: string, note = '') => {
    const saved = await api.saveQuestion(id, note);
    setState((s) => {
      const exists = s.items.some((i) => i.questionId === id);
      const items = exists ? s.items.map((i) => (i.questionId === id ? saved : i)) : [saved, ...s.items];
      return { ...s, items };
    });
    return saved;
  }, []);

  const remove = useCallback(async (id: string) => {
    await api.removeSaved(id);
    setState((s) => ({ ...s, items: s.items.filter((i) => i.questionId !== id) }));
  }, []);

  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<SavedApi>(() => {
    const ids = new Set(state.items.map((i) => i.questionId));
    return { ...state, isSaved: (id) => ids.has(id), save, remove, reload };
  }, [state, save, remove, reload]);

  return <SavedContext value={value}>{children}</SavedContext>;
}

export function useSaved(): SavedApi {
  const ctx = useContext(SavedContext);
  if (!ctx) throw new Error('useSaved must be used inside <SavedProvider>');
  return ctx;
}
