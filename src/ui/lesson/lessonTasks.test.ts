import { describe, expect, it } from 'vitest';
import { TaskRegistry } from './lessonTasks';

describe('the clicker’s stop tasks', () => {
  it('does the task its owner offers, and moves on when the owner has nothing left', () => {
    const tasks = new TaskRegistry();
    let left = 1;
    tasks.offer('walkPath', () => left-- > 0);
    expect(tasks.perform('walkPath')).toBe(true);
    expect(left).toBe(0);
    expect(tasks.perform('walkPath')).toBe(false);
  });

  it('holds a press that comes before the owner is on screen, and does it when the owner arrives', () => {
    const tasks = new TaskRegistry();
    expect(tasks.perform('walkPath')).toBe(true);
    let done = 0;
    tasks.offer('walkPath', () => ++done > 0);
    expect(done).toBe(1);
  });

  it('never gets stuck: a second press while the first is held moves on', () => {
    const tasks = new TaskRegistry();
    expect(tasks.perform('measureIdentity')).toBe(true);
    expect(tasks.perform('measureIdentity')).toBe(false);
    let done = 0;
    tasks.offer('measureIdentity', () => ++done > 0);
    expect(done).toBe(0);
  });

  it('drops a held press when the stop changes, and withdraws an owner that leaves', () => {
    const tasks = new TaskRegistry();
    tasks.perform('runExperiment');
    tasks.drop();
    let done = 0;
    const withdraw = tasks.offer('runExperiment', () => ++done > 0);
    expect(done).toBe(0);
    withdraw();
    expect(tasks.perform('runExperiment')).toBe(true); // held again: no owner now
    expect(done).toBe(0);
  });
});
