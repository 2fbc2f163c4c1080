/**
 * Weights the person chose from their own files: read in the page, handed to the model
 * worker (transferred, never uploaded), which checks them against their variant and runs
 * on them until they are forgotten.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ModelClient } from '../../workers/modelClient';

export interface UserWeights {
  /** The worker runs on the person's weights now. */
  readonly active: boolean;
  readonly loading: boolean;
  /** Why the chosen files cannot be used, as the model names it. */
  readonly error?: string;
  readonly load: (files: readonly File[]) => void;
  readonly forget: () => void;
}

/** A folder's files keep their relative path, so model.json finds its .bin files. */
async function read(f: File): Promise<{ name: string; bytes: ArrayBuffer }> {
  return { name: f.webkitRelativePath || f.name, bytes: await f.arrayBuffer() };
}

export function useUserWeights(client: ModelClient | undefined): UserWeights {
  const [active, setActive] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const latest = useRef(0);

  // a new worker (another variant, another backend) starts on the shipped weights
  useEffect(() => {
    latest.current++;
    setActive(false);
    setLoading(false);
  }, [client]);

  const load = useCallback(
    (files: readonly File[]) => {
      if (!client) return;
      const ticket = ++latest.current;
      setLoading(true);
      setError(undefined);
      Promise.all(files.map(read))
        .then((chosen) => client.useWeights(chosen))
        .then(
          () => {
            if (ticket !== latest.current) return;
            setLoading(false);
            setActive(true);
          },
          (e: unknown) => {
            if (ticket !== latest.current) return;
            setLoading(false);
            setError(e instanceof Error ? e.message : String(e));
          },
        );
    },
    [client],
  );

  const forget = useCallback(() => {
    latest.current++;
    setError(undefined);
    setLoading(false);
    if (active) void client?.useWeights(null).catch(() => undefined);
    setActive(false);
  }, [client, active]);

  return { active, loading, ...(error ? { error } : {}), load, forget };
}
