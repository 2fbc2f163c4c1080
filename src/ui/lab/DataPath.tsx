/** The block's data path: the diagram with each intermediate's shape, a step list, and the selected step's feature maps. */
import { useLessonTask } from '../lesson/lessonTasks';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pathFreshness } from '../../explain/lab/pathFreshness';
import { pyTuple } from '../../explain/lab/pyFormat';
import { formatCall, formatInput } from '../../explain/lab/pythonLine';
import type { BlockRun } from '../../explain/lab/runBlock';
import type { BlockOutcome, LabConfig, LabStage } from '../../explain/lab/types';
import { RESIDUAL_PATH, RESIDUAL_STEPS } from '../../model/blocks';

/** A step of the data path a student can pick: X, or a layer of the forward. */
type PathStep = Exclude<LabStage, 'construct'>;
import { BlockDiagram, type NodeStatus } from './BlockDiagram';
import { pathSlidesInput } from './pathSlides';
import { slidesDiagramSvg } from '../../viz/slidesDiagram';
import { FeatureMaps } from './FeatureMaps';
import { PATH_ACTIONS } from './pathActions';

interface Props {
  readonly config: LabConfig;
  readonly outcome: BlockOutcome;
  readonly run?: BlockRun;
  readonly running: boolean;
  /** The line typed last did not run: what the path shows is the last line that ran. */
  readonly lineFailed?: boolean;
  readonly backendName: string;
  /** The step picked (kept in the link), or empty for the last one computed. */
  readonly picked: PathStep | '';
  readonly onPick: (step: PathStep | '') => void;
}

const STEP_NAMES: Record<string, string> = { add: 'Y += X', relu2: 'relu (out)', input: 'X' };

export function DataPath(props: Props) {
  const { config, outcome, run, running, lineFailed = false, backendName, picked, onPick: setPicked } = props;
  const { t } = useTranslation();
  const stale = pathFreshness({ lineFailed, running }) === 'lineNotRun';
  const ran = [{ step: 'input' as const, shape: config.input }, ...outcome.steps];
  const rows: { id: PathStep; shape?: readonly number[]; status: NodeStatus }[] = ran.map((s) => ({
    id: s.step,
    shape: s.shape,
    status: 'ok',
  }));
  if (outcome.kind === 'error') {
    if (outcome.stage === 'input' || outcome.stage === 'construct') rows[0] = { id: 'input', status: 'failed' };
    else rows.push({ id: outcome.stage, status: 'failed' });
  }
  const pickedIndex = rows.findIndex((r) => r.id === picked);
  const index = pickedIndex >= 0 ? pickedIndex : rows.length - 1;
  const selected = rows[index]?.id ?? 'input';
  const notes: Record<string, string> = {};
  const status: Record<string, NodeStatus> = {};
  for (const id of [...RESIDUAL_STEPS, 'output']) status[id] = 'notRun';
  for (const r of rows) {
    status[r.id] = r.status;
    if (r.shape && r.id !== RESIDUAL_PATH.add) notes[r.id] = pyTuple(r.shape); // the add's shape is relu's, next to it
    if (r.status === 'failed') notes[r.id] = t('residualBlock.path.failedHere');
  }
  if (outcome.kind === 'ok') {
    status['output'] = 'ok';
    notes['output'] = pyTuple(outcome.output);
  }
  const shapeOf = (id: string) =>
    id === 'output' && outcome.kind === 'ok' ? outcome.output : rows.find((r) => r.id === id)?.shape;
  const tensorOf = (id: string) => (id === 'input' ? run?.input : run?.steps.find((s) => s.step === id)?.tensor);
  const current = rows[index];
  const tensor = current && current.status === 'ok' ? tensorOf(current.id) : undefined;
  const list = useRef<HTMLOListElement>(null);
  const yTensor = tensorOf(RESIDUAL_PATH.main.at(-1) ?? '');
  const go = (d: number) => setPicked(rows[Math.min(rows.length - 1, Math.max(0, index + d))]?.id ?? '');
  // the lesson's clicker walks it, one step a press, then moves on
  useLessonTask('walkPath', () => {
    if (index >= rows.length - 1) return false;
    go(1);
    return true;
  });
  // arrow keys move along the path, and focus follows the selection
  const onKey = (e: KeyboardEvent) => {
    const to = PATH_ACTIONS.find((a) => a.keys.includes(e.key))?.target({ index, count: rows.length });
    if (to === undefined || to < 0 || to >= rows.length) return;
    e.preventDefault();
    setPicked(rows[to]?.id ?? '');
    list.current?.querySelectorAll('button')[to]?.focus();
  };
  const variant = config.args.use1x1conv ? 'conv1x1' : 'identity';
  const name = (id: string) => STEP_NAMES[id] ?? id;
  return (
    <section className={stale ? 'lab-path stale' : 'lab-path'} aria-labelledby="lab-path-heading">
      <h3 id="lab-path-heading">{t('residualBlock.path.heading')}</h3>
      {stale && (
        <p className="notice warn stale-note" role="status">
          {t('residualBlock.path.stale', {
            line: `blk = ${formatCall(config.args)}; X = ${formatInput(config.input)}`,
          })}
        </p>
      )}
      <p>{t('residualBlock.path.intro')}</p>
      <BlockDiagram
        variant={variant}
        title={t('residualBlock.path.diagram', {
          steps: rows.map((r) => `${name(r.id)} ${r.shape ? pyTuple(r.shape) : ''}`).join(' → '),
        })}
        learnerLabel="g(x)"
        download={{ title: t('residualBlock.path.heading'), ...(selected ? { step: selected } : {}) }}
        slides={(lines) =>
          slidesDiagramSvg(
            pathSlidesInput(
              Object.keys(status).map((id) => ({ id, ...(shapeOf(id) ? { shape: shapeOf(id) } : {}) })),
              config.args.use1x1conv,
              selected,
            ),
            lines,
            {
              params: () => '',
              skip: t('stepper.skip'),
              noShape: (n) =>
                status[n.id] === 'failed' ? t('residualBlock.path.failedHere') : t('residualBlock.path.notRun'),
            },
          )
        }
        box={92}
        gap={30}
        notes={notes}
        status={status}
        selected={selected}
        onSelect={(id) => {
          const row = rows.find((r) => r.id === id);
          if (row) setPicked(row.id);
        }}
      />
      <div className="path-stepper">
        <button type="button" onClick={() => go(-1)} disabled={index <= 0}>
          ← {t('residualBlock.path.prev')}
        </button>
        <ol className="step-list" aria-label={t('residualBlock.path.heading')} ref={list} onKeyDown={onKey}>
          {rows.map((r, i) => (
            <li key={r.id}>
              <button type="button" aria-pressed={i === index} className={r.status} onClick={() => setPicked(r.id)}>
                <span className="mono">{name(r.id)}</span>{' '}
                <span className="mono step-shape">
                  {r.shape ? pyTuple(r.shape) : t('residualBlock.path.failedHere')}
                </span>
              </button>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => go(1)} disabled={index >= rows.length - 1}>
          {t('residualBlock.path.next')} →
        </button>
      </div>
      {current && (
        <p aria-live="polite" className="notice">
          {current.shape
            ? t('residualBlock.path.step', {
                index: index + 1,
                count: rows.length,
                name: name(current.id),
                shape: pyTuple(current.shape),
              })
            : t('residualBlock.path.stepFailed', { index: index + 1, count: rows.length, name: name(current.id) })}
        </p>
      )}
      {running && (
        <p className="notice" aria-live="polite">
          {t('residualBlock.path.running', { backend: backendName })}
        </p>
      )}
      {tensor && tensor.shape.length === 4 && <FeatureMaps tensor={tensor} name={name(current?.id ?? '')} />}
      {current?.status === 'failed' && current.id === RESIDUAL_PATH.add && (
        // the two tensors PyTorch could not add, side by side
        <div className="maps-pair">
          {yTensor && <FeatureMaps tensor={yTensor} name={`Y (${RESIDUAL_PATH.main.at(-1) ?? ''})`} maxWidth={360} />}
          {run?.input && <FeatureMaps tensor={run.input} name="X" maxWidth={360} />}
        </div>
      )}
      <p className="notice">{t('residualBlock.path.mode')}</p>
    </section>
  );
}
