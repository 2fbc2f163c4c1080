/** Chapter 2: the notebook's `Residual` class as a hands-on lab. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { identityShapeFor } from '../../explain/lab/identity';
import { checkRunnable, checkTyped } from '../../explain/lab/limits';
import { blockOutcome } from '../../explain/lab/outcome';
import { ArithmeticTable } from '../lab/ArithmeticTable';
import { BlockComparison } from '../lab/BlockComparison';
import { DataPath } from '../lab/DataPath';
import { IdentityDemo } from '../lab/IdentityDemo';
import { LabControls } from '../lab/LabControls';
import { LimitMessage, OutcomePanel } from '../lab/OutcomePanel';
import { PythonLines } from '../lab/PythonLines';
import { useBlockRun } from '../lab/useBlockRun';
import { useLabConfig } from '../lab/useLabConfig';
import { useLabBackend } from '../runtime/ModelContext';
import { useBackendLabel } from '../runtime/backendLabel';
import { LessonRegion } from '../lesson/LessonRegion';
import type { PageProps } from './pageProps';
import '../lab/lab.css';

export function ResidualBlockPage(props: PageProps) {
  const { t } = useTranslation();
  const label = useBackendLabel();
  const backend = useLabBackend();
  const { config, setConfig } = useLabConfig(props);
  const typed = useMemo(() => checkTyped(config.args, config.input), [config]);
  const outcome = useMemo(() => (typed ? undefined : blockOutcome(config)), [config, typed]);
  // tensors run only for what PyTorch computes: every statement, or those before its error
  const ranSome = outcome !== undefined && outcome.steps.length > 0 && config.input.length === 4;
  const limit = typed ?? (ranSome ? checkRunnable(config.args, config.input, outcome.steps) : undefined);
  const plan = useMemo(
    () => (!ranSome || limit ? undefined : outcome.kind === 'ok' ? {} : { maxSteps: outcome.steps.length }),
    [ranSome, limit, outcome],
  );
  const { run, running, error } = useBlockRun(config, plan);
  const identityShape = useMemo(() => identityShapeFor(config.input), [config.input]);
  const backendName = backend ? label(backend.name) : '';
  const [lineFailed, setLineFailed] = useState(false);
  return (
    <section aria-labelledby="rb-heading" className="chapter lab">
      <h2 id="rb-heading">{t('residualBlock.heading')}</h2>
      <p>{t('residualBlock.p1')}</p>
      <h3>{t('residualBlock.lab.heading')}</h3>
      <p>{t('residualBlock.lab.intro')}</p>
      <LessonRegion name="rb-lab" className="lab-grid">
        <div>
          <PythonLines config={config} onChange={setConfig} onFailed={setLineFailed} />
          <LabControls config={config} onChange={setConfig} />
        </div>
        <div className="lab-sticky">
          {outcome ? (
            <OutcomePanel
              config={config}
              outcome={outcome}
              onChange={setConfig}
              stale={lineFailed}
              {...(limit ? { limit } : {})}
            />
          ) : (
            typed && <LimitMessage limit={typed} />
          )}
          {error && (
            <p role="alert" className="notice error">
              {error}
            </p>
          )}
        </div>
      </LessonRegion>
      {outcome && (
        <LessonRegion name="rb-path">
          <DataPath
            config={config}
            outcome={outcome}
            {...(run ? { run } : {})}
            running={running}
            lineFailed={lineFailed}
            backendName={backendName}
            picked={props.state.bstep}
            onPick={(bstep) => props.update({ bstep })}
          />
        </LessonRegion>
      )}
      {outcome && <ArithmeticTable config={config} outcome={outcome} />}
      <LessonRegion name="rb-comparison">
        <BlockComparison />
      </LessonRegion>
      <LessonRegion name="rb-identity">
        <IdentityDemo key={identityShape.join(',')} shape={identityShape} />
      </LessonRegion>
    </section>
  );
}
