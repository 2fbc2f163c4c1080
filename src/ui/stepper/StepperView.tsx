/**
 * The tensor stepper: toolbar and breadcrumb, the architecture diagram, and for the
 * current step its explanation, the notebook's code, the tensor's feature maps, plus the
 * input and the predicted probabilities. Step, scale and input live in the URL.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceReader, TraceSummary } from '../../explain/stepper/traceTypes';
import { explanationFor } from '../../explain/variants/explain';
import { stepName } from '../../explain/stepper/labels';
import type { ScaleMode } from '../../viz/featureMapGrid';
import { actionForKey, STEP_ACTIONS, type StepContext } from './actions';
import { useSwipe } from '../keys/useSwipe';
import { ArchitectureDiagram } from './ArchitectureDiagram';
import { CodePanel } from './CodePanel';
import { StepControls } from './StepControls';
import { StepFormula } from './StepFormula';
import { convArithmetic } from '../../explain/stepper/convArithmetic';
import { TensorPanel } from './TensorPanel';
import { archFeatures } from '../../model/architecture';
import { NUM_CLASSES } from '../../model/fashionMnist';
import type { ArchSpec } from '../../model/variants';
import { variantCode } from '../../explain/stepper/variantCode';
import { isTyping } from '../keys/keyAction';
import { LessonRegion } from '../lesson/LessonRegion';
import './controls.css';

/** Milliseconds between steps while playing. */
const PLAY_INTERVAL_MS = 700;

export interface StepperViewProps {
  readonly session: TraceReader;
  readonly summary: TraceSummary;
  /** Whether the summary is of the current input (false while a new trace computes). */
  readonly fresh: boolean;
  readonly step: string;
  readonly view: ScaleMode;
  readonly setStep: (id: string) => void;
  readonly setView: (view: ScaleMode) => void;
  /** The input and output panels, placed beside the code or the maps as the screen allows. */
  readonly side: ReactNode;
  /** Panels hidden for class: the notebook's code and console (`code`), the input and predictions (`side`). */
  readonly hidden?: readonly ('code' | 'side')[];
  /** The variant being stepped through (its name, its code). */
  readonly arch: ArchSpec;
  /** The code panel's `X = …` line for the input really used (absent: the book's). */
  readonly inputLine?: string;
  /** Class names, for the logits at the linear layer. */
  readonly classNames?: readonly string[];
}

export function StepperView({
  session,
  summary,
  fresh,
  step,
  view,
  setStep,
  setView,
  side,
  hidden = [],
  arch,
  inputLine,
  classNames,
}: StepperViewProps) {
  const { t } = useTranslation();
  const { steps } = summary;
  const item = steps.resolve(step);
  const [playing, setPlaying] = useState(false);
  const go = useCallback((id: string) => setStep(id === steps.first() ? '' : id), [setStep, steps]);
  const ctx: StepContext = useMemo(
    () => ({ steps, current: item.id, playing, go, setPlaying }),
    [steps, item.id, playing, go],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e)) return;
      const action = actionForKey(e.key);
      if (!action) return;
      e.preventDefault();
      action.run(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);

  const root = useRef<HTMLDivElement>(null);
  const onSwipe = useCallback(
    (direction: 1 | -1) => STEP_ACTIONS.find((a) => a.name === (direction > 0 ? 'next' : 'previous'))?.run(ctx),
    [ctx],
  );
  useSwipe(root, onSwipe);

  useEffect(() => {
    if (!playing) return;
    const next = steps.nextOp(item.id);
    if (next === item.id) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => go(next), PLAY_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [playing, steps, item.id, go]);

  // The controls and the breadcrumb follow a key press at once (the next press counts from
  // there); the diagram, the code and the maps follow as a deferred render, which React does in
  // slices, so holding → never blocks the page.
  const shown = steps.resolve(useDeferredValue(item.id));
  const code = useMemo(() => variantCode(arch), [arch]);
  const arithmetic = useMemo(() => convArithmetic(shown, summary), [shown, summary]);
  const name = shown.kind === 'block' ? t('stepper.block', { index: shown.node.block ?? 0 }) : stepName(shown);
  return (
    <div className="stepper" ref={root}>
      <StepControls ctx={ctx} name={arch.name} />
      <LessonRegion name="r18-diagram">
        <ArchitectureDiagram steps={steps} current={shown.id} go={go} name={arch.name} note={t('stepper.keys')} />
      </LessonRegion>
      <div className={`stepper-body${hidden.map((h) => ` hide-${h}`).join('')}`}>
        <LessonRegion name="r18-code" className="col-code">
          <p className="explanation" aria-live="polite">
            <strong>{name}</strong> —{' '}
            {t(explanationFor(shown, arch.block), { features: archFeatures(arch), classes: NUM_CLASSES })}
            {arithmetic && <> {t('stepper.explain.convThis', { ...arithmetic })}</>}
          </p>
          <StepFormula item={shown} {...(arithmetic ? { arithmetic } : {})} />
          {!hidden.includes('code') && (
            <CodePanel item={shown} nodes={summary.nodes} code={code} {...(inputLine ? { inputLine } : {})} />
          )}
        </LessonRegion>
        <LessonRegion name="r18-maps" className="col-maps">
          {fresh ? (
            <TensorPanel
              session={session}
              summary={summary}
              item={shown}
              scale={view}
              setScale={setView}
              name={name}
              {...(classNames ? { classNames } : {})}
            />
          ) : (
            <p className="notice">{t('stepper.reading')}</p>
          )}
        </LessonRegion>
        {!hidden.includes('side') && (
          <LessonRegion name="r18-side" as="aside" className="col-side">
            {side}
          </LessonRegion>
        )}
      </div>
    </div>
  );
}
