/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The service worker's side of the page (production builds only): says when the app is
 * saved for offline use, and when a new version has been downloaded. The new version then
 * waits: the page offers "reload" instead of switching in the middle of a lesson.
 */
import { registerSW } from 'virtual:pwa-register';

/** How often an open tab asks the server for a new version (a lesson-long tab never navigates). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export interface OfflineEvents {
  readonly onOfflineReady: () => void;
  /** A new version is installed and waiting; call `reload` to switch to it now. */
  readonly onUpdateReady: (reload: () => void) => void;
}

export function registerOfflineSupport({ onOfflineReady, onUpdateReady }: OfflineEvents): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  let reloading = false;
  const reloadOnce = () => {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  };
  const update = registerSW({
    onOfflineReady,
    // the plugin reloads by itself only when the page was controlled from its start; a page
    // whose first visit installed the service worker must reload too, once the new one takes over
    onNeedReload: reloadOnce,
    onNeedRefresh: () =>
      onUpdateReady(() => {
        navigator.serviceWorker.addEventListener('controllerchange', reloadOnce, { once: true });
        void update(true);
      }),
    onRegisteredSW: (_url, registration) => {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
    onRegisterError: () => {
      /* offline use is a bonus: without it the app still works online */
    },
  });
}
