/** PyTorch's reference landscapes, fetched once a visit (undefined while loading or when unavailable). */
import { useEffect, useState } from 'react';
import {
  LANDSCAPE_REFERENCE_FILE,
  parseLandscapeReference,
  type LandscapeReference,
} from '../../explain/landscape/reference';

let held: Promise<LandscapeReference | undefined> | undefined;

function load(): Promise<LandscapeReference | undefined> {
  held ??= fetch(new URL(LANDSCAPE_REFERENCE_FILE, document.baseURI))
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then(parseLandscapeReference)
    .catch(() => {
      held = undefined;
      return undefined;
    });
  return held;
}

export function useLandscapeReference(): LandscapeReference | undefined {
  const [ref, setRef] = useState<LandscapeReference>();
  useEffect(() => {
    let live = true;
    void load().then((r) => live && setRef(r));
    return () => {
      live = false;
    };
  }, []);
  return ref;
}
