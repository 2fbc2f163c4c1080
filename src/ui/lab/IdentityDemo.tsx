/** The identity, measured: the residual block with its branch zeroed passes x through; a regular block outputs 0. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { identityExperiment, type IdentityResult } from '../../explain/lab/identity';
import { pyTuple } from '../../explain/lab/pyFormat';
import { useLabBackend } from '../runtime/ModelContext';
import { FeatureMaps } from './FeatureMaps';
import { LAB_SEED } from './useBlockRun';
import { useLessonTask } from '../lesson/lessonTasks';

const fmt = (v: number) => (v === 0 ? '0' : v.toPrecision(4));

/** `shape`: X for `Residual(C, C)` (see `identityShapeFor`). */
export function IdentityDemo({ shape }: { shape: readonly number[] }) {
  const { t } = useTranslation();
  const backend = useLabBackend();
  const [result, setResult] = useState<IdentityResult>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  const run = () => {
    setRunning(true);
    setError(undefined);
    identityExperiment(shape, LAB_SEED)
      .then(setResult)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setRunning(false));
  };
  // the lesson's clicker measures it (the first PageDown, or Enter, on its stop)
  useLessonTask('measureIdentity', () => {
    if (result || running || !backend) return false;
    run();
    return true;
  });
  return (
    <section className="lab-identity" aria-labelledby="lab-identity-heading">
      <h3 id="lab-identity-heading">{t('residualBlock.identity.heading')}</h3>
      <p>{t('residualBlock.identity.intro', { shape: shape.join(', ') })}</p>
      <button type="button" onClick={run} disabled={running || !backend}>
        {running ? t('residualBlock.identity.running') : t('residualBlock.identity.run')}
      </button>
      {error && (
        <p role="alert" className="notice error">
          {error}
        </p>
      )}
      {result && (
        <div className="identity-results">
          <div className="identity-card good">
            <h4>{t('residualBlock.identity.residual')}</h4>
            <p
              className="mono big"
              aria-label={`residual ${t('residualBlock.identity.maxDiff', { value: fmt(result.residual.maxDiff) })}`}
            >
              {t('residualBlock.identity.maxDiff', { value: fmt(result.residual.maxDiff) })}
            </p>
            <p className="mono">{t('residualBlock.identity.maxOut', { value: fmt(result.residual.maxOut) })}</p>
          </div>
          <div className="identity-card bad">
            <h4>{t('residualBlock.identity.regular')}</h4>
            <p
              className="mono big"
              aria-label={`regular ${t('residualBlock.identity.maxOut', { value: fmt(result.regular.maxOut) })}`}
            >
              {t('residualBlock.identity.maxOut', { value: fmt(result.regular.maxOut) })}
            </p>
            <p className="mono">{t('residualBlock.identity.maxDiff', { value: fmt(result.regular.maxDiff) })}</p>
          </div>
          <div className="maps-pair identity-maps">
            <FeatureMaps tensor={result.x} name="x" maxWidth={260} />
            <FeatureMaps tensor={result.residualOut} name={t('residualBlock.identity.residualOut')} maxWidth={260} />
            <FeatureMaps tensor={result.regularOut} name={t('residualBlock.identity.regularOut')} maxWidth={260} />
          </div>
          <p className="identity-conclusion">
            {t('residualBlock.identity.conclusion')} <span className="mono">X: {pyTuple(result.shape)}</span>
          </p>
        </div>
      )}
    </section>
  );
}
