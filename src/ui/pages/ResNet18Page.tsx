/**
 * Chapter 3: ResNet-18 as a tensor stepper. The URL says which input (`input`), at which
 * size (`size`; `?size=224` is the seed's), which step (`step`) and how maps are scaled
 * (`view`), so a teacher's link opens exactly here.
 */
import { startTransition, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInputSpec, parseInputSpec, type InputSpec } from '../../explain/stepper/inputs';
import { useModel } from '../model/ModelContext';
import { InputPanel } from '../stepper/InputPanel';
import { ProbabilityChart } from '../stepper/ProbabilityChart';
import { RuntimePanel } from '../stepper/RuntimePanel';
import { TraceStatus } from '../stepper/TraceStatus';
import { StepperView } from '../stepper/StepperView';
import { useSamples } from '../stepper/useSamples';
import { useStepperSession } from '../stepper/useStepperSession';
import '../stepper/stepper.css';
import { activationBudget, checkActivationMemory, megabytes } from '../../explain/variants/compare';
import { archSpec } from '../../model';
import { CostTable } from '../network/CostTable';
import { NetworkChooser } from '../network/NetworkChooser';
import { useUserWeights } from '../network/useUserWeights';
import { VariantsTable } from '../network/VariantsTable';
import type { PageProps } from './pageProps';

/** The seed's example size, `torch.rand(size=(1, 1, 224, 224))`. */
const SEED_SIZE = 224;
/** Input size while the weights are random (no training size to follow): small, so it runs anywhere. */
export const RANDOM_WEIGHTS_SIZE = 64;

/** The device memory the browser reports, in GiB (Chromium only; undefined elsewhere). */
function navigatorMemory(): number | undefined {
  return (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
}

export function ResNet18Page({ state, update }: PageProps) {
  const { t, i18n } = useTranslation();
  const hidden = (state.hide ? state.hide.split(',') : []) as ('code' | 'side')[];
  const toggleHidden = (panel: 'code' | 'side') => {
    const next = hidden.includes(panel) ? hidden.filter((h) => h !== panel) : [...hidden, panel];
    update({ hide: (['code', 'side'] as const).filter((h) => next.includes(h)).join(',') });
  };
  const { client, status, source, backend, arch: runningArch } = useModel();
  const yours = useUserWeights(client);
  const arch = archSpec(runningArch ?? state.arch);
  const samples = useSamples();
  const metadata = source?.kind === 'trained' ? source.metadata : undefined;
  const trainedSize = metadata?.inputSize ?? RANDOM_WEIGHTS_SIZE;
  const size = state.size || trainedSize;
  const [upload, setUpload] = useState<InputSpec>();

  const parsed = useMemo(() => parseInputSpec(state.input), [state.input]);
  const firstSample = samples.samples?.[0];
  const fallback = useMemo<InputSpec | undefined>(
    () =>
      firstSample ? { kind: 'sample', id: firstSample.id } : samples.error ? { kind: 'rand', seed: 0 } : undefined,
    [firstSample, samples.error],
  );
  const spec = upload ?? (parsed && !('error' in parsed) ? parsed : fallback);
  // refused before anything is allocated: the sizes of every activation are known from the description
  const refusal = checkActivationMemory(arch, size, activationBudget(navigatorMemory()));
  const session = useStepperSession(client, status === 'ready', size, refusal ? undefined : spec, samples.samples);
  const trace = session.trace;
  const probabilities = trace?.probabilities;
  const untrained = source?.kind === 'random' && source.reason === 'untrained';
  const badge =
    source?.kind === 'trained' && source.yours ? t('network.yours') : untrained ? t('network.untrained') : undefined;

  const names =
    (i18n.language === 'zh' ? metadata?.classNamesZh : undefined) ?? metadata?.classNames ?? samples.classNames;
  const className = useCallback((i: number) => names?.[i] ?? t('stepper.input.class', { index: i }), [names, t]);
  const truth = spec?.kind === 'sample' ? samples.samples?.find((s) => s.id === spec.id)?.label : undefined;
  const backendName = backend ? t(`backend.${backend.name}`) : '';
  const setStep = useCallback((step: string) => update({ step }), [update]);
  const setView = useCallback((view: string) => update({ view }), [update]);
  // a new input or size re-renders the whole stepper: as a transition, React renders it in
  // slices and the page keeps answering (no task over 50 ms, even on a slow laptop)
  const setSpec = (s: InputSpec) =>
    startTransition(() => {
      setUpload(s.kind === 'upload' ? s : undefined);
      update({ input: formatInputSpec(s) });
    });

  const side = (
    <>
      <InputPanel
        {...(spec ? { spec } : {})}
        {...(samples.samples ? { samples: samples.samples } : {})}
        className={className}
        size={size}
        trainedSize={trainedSize}
        seedSize={SEED_SIZE}
        setSpec={setSpec}
        setSize={(s) => startTransition(() => update({ size: s === trainedSize ? 0 : s }))}
      />
      {probabilities && (
        <ProbabilityChart
          probabilities={probabilities}
          names={Array.from({ length: probabilities.length }, (_, i) => className(i))}
          {...(truth !== undefined ? { truth } : {})}
          {...(typeof metadata?.testAccuracy === 'number' ? { accuracy: metadata.testAccuracy } : {})}
          {...(typeof metadata?.['testImages'] === 'number' ? { accuracyImages: metadata['testImages'] } : {})}
          randomWeights={source?.kind === 'random'}
          {...(badge ? { badge } : {})}
        />
      )}
    </>
  );

  return (
    <section aria-labelledby="r18-heading" className="chapter chapter-stepper">
      <h2 id="r18-heading">{t('resnet18.heading')}</h2>
      <p>{t('stepper.intro', { size })}</p>
      <NetworkChooser arch={arch} yours={yours} choose={(id) => update({ arch: id, step: '' })} />
      {untrained && <p className="notice warn">{t('network.untrainedNote', { name: arch.name })}</p>}
      {source?.kind === 'trained' && source.yours && (
        <p className="notice">{t('network.yoursNote', { file: source.url, name: arch.name })}</p>
      )}
      {refusal && (
        <p role="alert" className="notice error">
          {t('network.tooBig', {
            name: arch.name,
            size,
            need: megabytes(refusal.needBytes),
            budget: megabytes(refusal.budgetBytes),
          })}
        </p>
      )}
      {parsed && 'error' in parsed && (
        <p role="alert" className="notice warn">
          {t('stepper.input.bad', { message: parsed.error })}
        </p>
      )}
      {samples.error && <p className="notice warn">{t('stepper.input.samplesFailed', { message: samples.error })}</p>}
      {session.status === 'error' && (
        <p role="alert" className="notice error">
          {t('resnet18.error', { message: session.error })}
        </p>
      )}
      {session.downsized && (
        <p role="alert" className="notice warn">
          {t('runtime.downsized', session.downsized)}
        </p>
      )}
      <div className="status-line">
        <TraceStatus
          {...(client ? { client } : {})}
          tracing={session.status === 'tracing'}
          {...(trace && session.status === 'ready' ? { trace } : {})}
          backendName={backendName}
        />
        <RuntimePanel {...(trace ? { trace } : {})} />
        <details className="for-class">
          <summary>{t('stepper.forClass.title')}</summary>
          <p>{t('stepper.forClass.hint')}</p>
          <label>
            <input type="checkbox" checked={!hidden.includes('code')} onChange={() => toggleHidden('code')} />{' '}
            {t('stepper.forClass.code')}
          </label>
          <label>
            <input type="checkbox" checked={!hidden.includes('side')} onChange={() => toggleHidden('side')} />{' '}
            {t('stepper.forClass.side')}
          </label>
        </details>
      </div>
      {trace && !refusal ? (
        <StepperView
          session={trace}
          summary={trace.summary}
          fresh={session.status === 'ready'}
          step={state.step}
          view={state.view}
          setStep={setStep}
          setView={setView}
          side={side}
          hidden={hidden}
          arch={arch}
        />
      ) : (
        <div className="stepper-waiting">{side}</div>
      )}
      <VariantsTable size={size} current={arch.id} />
      <CostTable arch={arch} size={size} />
    </section>
  );
}
