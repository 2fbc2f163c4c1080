import { describe, expect, it } from 'vitest';
import { archNodes, archSpec } from '../../model';
import { StepList } from '../stepper/steps';
import { explanationFor } from './explain';

describe("a variant's explanations", () => {
  it('explain the bottleneck and pre-activation blocks as they are, the rest as the notebook', () => {
    const r50 = new StepList(archNodes(archSpec('resnet50'), [1, 1, 64, 64]));
    expect(explanationFor(r50.get('b2.0'), 'bottleneck')).toBe('network.explain.bottleneck.block');
    expect(explanationFor(r50.get('b2.0.conv4'), 'bottleneck')).toBe('network.explain.bottleneck.shortcut');
    expect(explanationFor(r50.get('b2.0.conv3'), 'bottleneck')).toBe('stepper.explain.conv');
    const pre = new StepList(archNodes(archSpec('resnet18-preact'), [1, 1, 64, 64]));
    expect(explanationFor(pre.get('b3.0.add'), 'preact')).toBe('network.explain.preact.add');
    expect(explanationFor(pre.get('b3.0.conv3'), 'preact')).toBe('stepper.explain.shortcut');
  });
});
