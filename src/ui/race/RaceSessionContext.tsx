/**
 * The race of this visit, held above the chapters: leaving the race chapter and coming back
 * finds it as it was (curves, verdict, progress, the trained networks in their worker). The
 * session's code is downloaded the first time the chapter asks for it; it ends with the page.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { RaceSession, RaceSessionState, RaceWorkerLike } from '../../explain/race/session';

type GetSession = () => Promise<RaceSession>;

const RaceSessionContext = createContext<GetSession | undefined>(undefined);

const spawnRaceWorker = (): RaceWorkerLike => {
  const w = new Worker(new URL('../../workers/raceWorker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as RaceWorkerLike;
  // build for tests only: `?rfail` makes the worker throw on its first lesion and landscape request
  if (__TEST_HOOK__ && new URLSearchParams(location.search).has('rfail')) w.postMessage({ type: 'test-fail-next' });
  return w;
};

export function RaceSessionProvider({ children }: { readonly children: ReactNode }) {
  const held = useRef<Promise<RaceSession> | undefined>(undefined);
  const get = useCallback<GetSession>(
    () => (held.current ??= import('../../explain/race/session').then((m) => new m.RaceSession(spawnRaceWorker))),
    [],
  );
  useEffect(
    () => () => {
      void held.current?.then((s) => s.dispose());
      held.current = undefined;
    },
    [],
  );
  return <RaceSessionContext.Provider value={get}>{children}</RaceSessionContext.Provider>;
}

const IDLE: RaceSessionState = { phase: 'idle', curves: {}, runningSeconds: 0 };
const NONE = () => () => undefined;

/** The visit's race session (undefined while its code loads) and its state. */
export function useRaceSession(): { session: RaceSession | undefined; state: RaceSessionState } {
  const get = useContext(RaceSessionContext);
  const [session, setSession] = useState<RaceSession>();
  useEffect(() => {
    let live = true;
    void get?.().then((s) => live && setSession(s));
    return () => {
      live = false;
    };
  }, [get]);
  const state = useSyncExternalStore(session?.subscribe ?? NONE, session?.getState ?? (() => IDLE));
  return { session, state };
}
