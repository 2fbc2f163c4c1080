/** Registers the service worker (production builds only) and says when the app works offline. */
export function registerOfflineSupport(onReady: () => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('./sw.js', { scope: './' })
    .then(async () => {
      await navigator.serviceWorker.ready;
      onReady();
    })
    .catch(() => {
      /* offline use is a bonus: without it the app still works online */
    });
}
