/**
 * One name for a backend, in every chapter: the header, the stepper, the lab, the
 * function-classes experiment and the race all label theirs through `useBackendLabel`, so
 * the same measured choice reads the same everywhere, and a software adapter is never
 * called a GPU.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendName } from '../../model/types';
import { useModel } from './ModelContext';

/** The translation key of a backend's name: "WebGPU (software adapter)" when its adapter is software. */
export function backendLabelKey(name: BackendName, software: boolean): string {
  return software ? `runtime.software.${name}` : `backend.${name}`;
}

/**
 * A backend's name for a person. `software` defaults to what the page measured: true when the
 * page's own backend is `name` on a software adapter.
 */
export function useBackendLabel(): (name: BackendName, software?: boolean) => string {
  const { t } = useTranslation();
  const runtime = useModel().backend;
  return useCallback(
    (name, software) => t(backendLabelKey(name, software ?? (runtime?.name === name && runtime.software))),
    [t, runtime],
  );
}
