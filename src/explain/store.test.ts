import { describe, expect, it } from 'vitest';
import { Store } from './store';

class Counter extends Store<number> {
  add(): void {
    this.publish(this.getState() + 1);
  }
  close(): void {
    this.unsubscribeAll();
  }
}

describe('a store', () => {
  it('tells each listener of every change until it unsubscribes, and none after all are dropped', () => {
    const c = new Counter(0);
    const seen: number[] = [];
    const other: number[] = [];
    const stop = c.subscribe(() => seen.push(c.getState()));
    c.subscribe(() => other.push(c.getState()));
    c.add();
    stop();
    c.add();
    c.close();
    c.add();
    expect([seen, other, c.getState()]).toEqual([[1], [1, 2], 3]);
  });
});
