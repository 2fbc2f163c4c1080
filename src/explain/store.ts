/**
 * A value that React reads with useSyncExternalStore: `getState` and `subscribe` for the page,
 * `publish` for its owner (the race's and the landscape's sessions).
 */
export class Store<S> {
  private readonly listeners = new Set<() => void>();

  constructor(protected state: S) {}

  readonly getState = (): S => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected publish(next: S): void {
    this.state = next;
    this.listeners.forEach((l) => l());
  }

  protected unsubscribeAll(): void {
    this.listeners.clear();
  }
}
