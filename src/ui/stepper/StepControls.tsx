/** The stepping toolbar (buttons from the action list) and the breadcrumb. */
import { useTranslation } from 'react-i18next';
import type { StepList } from '../../explain/stepper/steps';
import { stepName, stepWindow } from '../../explain/stepper/labels';
import { STEP_ACTIONS, type StepContext } from './actions';

export function StepControls({ ctx, name = 'ResNet-18' }: { ctx: StepContext; name?: string }) {
  const { t } = useTranslation();
  return (
    <div className="step-controls">
      <Breadcrumb steps={ctx.steps} current={ctx.current} go={ctx.go} name={name} />
      <div role="toolbar" aria-label={t('stepper.controls')} className="step-buttons">
        {STEP_ACTIONS.map((a) => {
          const label =
            a.name === 'play'
              ? t(ctx.playing ? 'stepper.actions.pause' : 'stepper.actions.play')
              : t(`stepper.actions.${a.name}`);
          const stuck = a.target ? a.target(ctx) === ctx.current : false;
          return (
            <button
              key={a.name}
              type="button"
              className={`step-button step-${a.name}`}
              aria-label={label}
              aria-keyshortcuts={a.keys.map((k) => (k === ' ' ? 'Space' : k)).join(' ')}
              title={`${label} (${a.keys.map((k) => (k === ' ' ? 'Space' : k)).join(', ')})`}
              disabled={stuck}
              aria-pressed={a.name === 'play' ? ctx.playing : undefined}
              onClick={() => a.run(ctx)}
            >
              <span aria-hidden="true" className="glyph">
                {a.name === 'play' && ctx.playing ? '❚❚' : a.glyph}
              </span>
              <span className="step-button-text">{label}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** `ResNet-18 › b3 › Residual 0 › conv3 (1×1, stride 2)`; each part jumps there. */
export function Breadcrumb({
  steps,
  current,
  go,
  name,
}: {
  steps: StepList;
  current: string;
  go: (id: string) => void;
  /** The network's name, the root of the path. */
  name: string;
}) {
  const { t } = useTranslation();
  const parts = steps.ancestry(current);
  return (
    <nav aria-label={t('stepper.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <button type="button" className="crumb" onClick={() => go(steps.first())}>
            {name}
          </button>
        </li>
        {parts.map((item, i) => {
          const name = item.kind === 'block' ? t('stepper.block', { index: item.node.block ?? 0 }) : stepName(item);
          const w = stepWindow(item);
          const text = w ? `${name} (${t('stepper.kernel', { k: w.k, s: w.s })})` : name;
          const last = i === parts.length - 1;
          return (
            <li key={item.id}>
              <span aria-hidden="true" className="sep">
                ›
              </span>
              {last ? (
                <span aria-current="location" className="crumb here">
                  {text}
                </span>
              ) : (
                <button type="button" className="crumb" onClick={() => go(item.id)}>
                  {text}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
