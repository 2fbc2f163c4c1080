/**
 * Weights the person chose from their own files: read in the page, never uploaded. Holds
 * the network built from them and disposes it when replaced, forgotten or unmounted.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { networkFromFiles, type ChosenFile, type ResNet } from '../../model';

export interface UserWeights {
  readonly net?: ResNet;
  readonly loading: boolean;
  /** Why the chosen files cannot be used, as the model names it. */
  readonly error?: string;
  readonly load: (files: readonly File[]) => void;
  readonly forget: () => void;
}

/** A browser File as the model reads it (a folder's files keep their relative path). */
function chosen(f: File): ChosenFile {
  return { name: f.webkitRelativePath || f.name, text: () => f.text(), bytes: () => f.arrayBuffer() };
}

export function useUserWeights(): UserWeights {
  const [net, setNet] = useState<ResNet>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const latest = useRef(0);

  const replace = useCallback((next: ResNet | undefined) => {
    setNet((old) => {
      // the stepper lets go of the old network on the next render; its tensors go after that
      if (old && old !== next) setTimeout(() => old.dispose(), 0);
      return next;
    });
  }, []);

  const load = useCallback(
    (files: readonly File[]) => {
      const ticket = ++latest.current;
      setLoading(true);
      setError(undefined);
      networkFromFiles(files.map(chosen)).then(
        (built) => {
          if (ticket !== latest.current) return built.dispose();
          setLoading(false);
          replace(built);
        },
        (e: unknown) => {
          if (ticket !== latest.current) return;
          setLoading(false);
          setError(e instanceof Error ? e.message : String(e));
        },
      );
    },
    [replace],
  );

  const forget = useCallback(() => {
    latest.current++;
    setError(undefined);
    setLoading(false);
    replace(undefined);
  }, [replace]);

  useEffect(() => () => setNet((old) => (old?.dispose(), undefined)), []);

  return { ...(net ? { net } : {}), loading, ...(error ? { error } : {}), load, forget };
}
