/**
 * The race of this visit, held above the chapters: leaving the race chapter and coming back
 * finds it as it was (curves, verdict, progress, the trained networks in their worker). The
 * session's code is downloaded the first time the chapter asks for it; it ends with the page.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { RaceSession, RaceSessionState, RaceWorkerLike } from '../../explain/race/session';
import type { WatchOptions } from '../../explain/race/workerWatch';

type GetSession = () => Promise<RaceSession>;

const RaceSessionContext = createContext<GetSession | undefined>(undefined);

/** Build for tests only: whether `?rsilent` has been handed to a worker yet (it is, once a visit). */
let silenceAsked = false;

const spawnRaceWorker = (): RaceWorkerLike => {
  const w = new Worker(new URL('../../workers/raceWorker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as RaceWorkerLike;
  // build for tests only: `?rfail` makes the worker throw on its first lesion and landscape request
  if (__TEST_HOOK__ && new URLSearchParams(location.search).has('rfail')) w.postMessage({ type: 'test-fail-next' });
  // build for tests only: `?rsilent` makes the visit's first race worker close itself, without a word, at its first job
  if (__TEST_HOOK__ && !silenceAsked && new URLSearchParams(location.search).has('rsilent')) {
    silenceAsked = true;
    w.postMessage({ type: 'test-silent-next' });
  }
  return w;
};

/** Build for tests only: `?rsilent=S` waits S seconds, not a minute, before the watch's own relative part. */
function watchOptions(): WatchOptions {
  const s = __TEST_HOOK__ ? Number(new URLSearchParams(location.search).get('rsilent')) : NaN;
  return s > 0 ? { floorMs: s * 1000 } : {};
}

export function RaceSessionProvider({ children }: { readonly children: ReactNode }) {
  const held = useRef<Promise<RaceSession> | undefined>(undefined);
  const get = useCallback<GetSession>(
    () =>
      (held.current ??= import('../../explain/race/session').then(
        (m) => new m.RaceSession(spawnRaceWorker, undefined, undefined, watchOptions()),
      )),
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
