/**
 * Chapter 3: ResNet-18 as a tensor stepper. The URL says which input (`input`), at which
 * size (`size`; `?size=224` is the notebook's), which step (`step`) and how maps are scaled
 * (`view`), so a teacher's link opens exactly here.
 */
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { InputSpec } from '../../explain/stepper/inputs';
import type { ScaleMode } from '../../viz/featureMapGrid';
import { urlProblem, type HiddenPanel } from '../urlState';
import { NUM_CLASSES } from '../../model/fashionMnist';
import { classNameOf } from '../../explain/stepper/classNames';
import { useModel } from '../runtime/ModelContext';
import { useBackendLabel } from '../runtime/backendLabel';
import { InputPanel } from '../stepper/InputPanel';
import { ProbabilityChart } from '../stepper/ProbabilityChart';
import { RuntimePanel } from '../stepper/RuntimePanel';
import { TraceStatus } from '../stepper/TraceStatus';
import { StepperView } from '../stepper/StepperView';
import { useSamples } from '../stepper/useSamples';
import { useStepperSession } from '../stepper/useStepperSession';
import '../stepper/stepper.css';
import { activationBudget, checkActivationMemory, megabytes } from '../../explain/variants/compare';
import { archSpec, percent, RESNET18, shippedModel } from '../../model';
import { CostTable } from '../variants/CostTable';
import { NetworkChooser } from '../variants/NetworkChooser';
import { useUserWeights } from '../variants/useUserWeights';
import { VariantsTable } from '../variants/VariantsTable';
import { LesionPanel } from '../lesion/LesionPanel';
import { LessonRegion } from '../lesson/LessonRegion';
import { residualBlocks } from '../../model/lesion';
import type { PageProps } from './pageProps';
import { DEFAULT_INPUT_SIZE } from '../../model/inputSizes';

/** The notebook's example size, `torch.rand(size=(1, 1, 224, 224))`. */
const NOTEBOOK_SIZE = 224;
/** Input size while the weights are random (no training size to follow): small, so it runs anywhere. */

/** The device memory the browser reports, in GiB (Chromium only; undefined elsewhere). */
function navigatorMemory(): number | undefined {
  return (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
}

export function NetworkPage({ state, update, report }: PageProps) {
  const { t, i18n } = useTranslation();
  const label = useBackendLabel();
  const hidden = state.hide;
  const toggleHidden = (panel: HiddenPanel) =>
    update({ hide: hidden.includes(panel) ? hidden.filter((h) => h !== panel) : [...hidden, panel] });
  const { client, status, source, backend, arch: runningArch, weightsProblem } = useModel();
  const yours = useUserWeights(client);
  const arch = archSpec(runningArch ?? state.arch);
  const samples = useSamples();
  const metadata = source?.kind === 'trained' ? source.metadata : undefined;
  // while a trained variant's weights download, the size they were trained at is already known
  const trainedSize =
    metadata?.inputSize ?? (source ? undefined : shippedModel(state.arch)?.inputSize) ?? DEFAULT_INPUT_SIZE;
  const size = state.size || trainedSize;
  const [upload, setUpload] = useState<InputSpec>();

  const firstSample = samples.samples?.[0];
  const fallback = useMemo<InputSpec | undefined>(
    () =>
      firstSample ? { kind: 'sample', id: firstSample.id } : samples.error ? { kind: 'rand', seed: 0 } : undefined,
    [firstSample, samples.error],
  );
  const spec = upload ?? state.input ?? fallback;
  // refused before anything is allocated: the sizes of every activation are known from the description
  const refusal = checkActivationMemory(arch, size, activationBudget(navigatorMemory()));
  const removed = state.removed;
  const session = useStepperSession(
    client,
    status === 'ready',
    size,
    refusal ? undefined : spec,
    samples.samples,
    removed,
  );
  const trace = session.trace;
  const probabilities = trace?.probabilities;
  const untrained = source?.kind === 'random' && source.reason === 'untrained';
  const shipped = source?.kind === 'trained' && !source.yours && !weightsProblem ? source.metadata : undefined;
  const accuracy = typeof shipped?.testAccuracy === 'number' ? percent(shipped.testAccuracy) : undefined;
  const badge =
    source?.kind === 'trained' && source.yours
      ? t('network.yours')
      : untrained
        ? t('network.untrained')
        : accuracy
          ? t('trained.label', { accuracy })
          : undefined;

  // every variant, trained or not, says Fashion-MNIST's classes in the page's language
  const className = useCallback(
    (i: number) =>
      classNameOf(i, metadata, i18n.language, (c) =>
        c >= 0 && c < NUM_CLASSES ? t(`stepper.input.classNames.c${c}`) : t('stepper.input.class', { index: c }),
      ),
    [metadata, i18n.language, t],
  );
  const classNames = useMemo(
    () => Array.from({ length: probabilities?.length ?? 0 }, (_, i) => className(i)),
    [probabilities?.length, className],
  );
  const truth = spec?.kind === 'sample' ? samples.samples?.find((s) => s.id === spec.id)?.label : undefined;
  const backendName = backend ? label(backend.name, backend.software) : '';
  const setStep = useCallback((step: string) => update({ step }), [update]);
  const setView = useCallback((view: ScaleMode) => update({ view }), [update]);
  // a new input or size re-renders the whole stepper: as a transition, React renders it in
  // slices and the page keeps answering
  const setSpec = (s: InputSpec, newSize?: number) =>
    startTransition(() => {
      setUpload(s.kind === 'upload' ? s : undefined);
      update({ input: s.kind === 'upload' ? undefined : s, ...(newSize ? { size: newSize } : {}) });
    });
  const asInBook = spec?.kind === 'rand' && spec.seed === 0 && size === NOTEBOOK_SIZE;
  const inputLine = !spec || asInBook ? undefined : inputCodeLine(spec, size, t);
  const steps = trace?.summary.steps;
  useEffect(() => {
    // a removed block the network does not have is reported with the link's other problems
    if (!removed || residualBlocks(arch).some((b) => b.path === removed)) return;
    report(urlProblem('removed', removed));
    update({ removed: '' });
  }, [arch, removed, report, update]);
  useEffect(() => {
    // a step the traced network does not have is reported with the link's other problems
    if (!steps || !state.step || steps.has(state.step)) return;
    report(urlProblem('step', state.step));
    update({ step: '' });
  }, [steps, state.step, report, update]);

  const side = (
    <>
      <InputPanel
        {...(spec ? { spec } : {})}
        {...(samples.samples ? { samples: samples.samples } : {})}
        className={className}
        size={size}
        trainedSize={trainedSize}
        notebookSize={NOTEBOOK_SIZE}
        setSpec={setSpec}
        setSize={(s) => startTransition(() => update({ size: s === trainedSize ? 0 : s }))}
      />
      {probabilities && (
        <ProbabilityChart
          probabilities={probabilities}
          names={classNames}
          {...(truth !== undefined ? { truth } : {})}
          {...(typeof metadata?.testAccuracy === 'number' ? { accuracy: metadata.testAccuracy } : {})}
          {...(typeof metadata?.['testImages'] === 'number' ? { accuracyImages: metadata['testImages'] } : {})}
          randomWeights={source?.kind === 'random'}
          {...(badge ? { badge } : {})}
          noise={spec?.kind === 'rand'}
        />
      )}
    </>
  );

  return (
    <section aria-labelledby="r18-heading" className="chapter chapter-stepper">
      {/* the heading and the network's choice beside the introduction, the run on one line below:
          on a laptop's first screen the tensor's feature maps come next */}
      <div className="chapter-head">
        <h2 id="r18-heading">{t('resnet18.heading')}</h2>
        <p className="stepper-intro">{t('stepper.intro', { size, name: arch.name })}</p>
        <NetworkChooser arch={arch} yours={yours} choose={(id) => update({ arch: id, step: '' })} />
      </div>
      {untrained && <p className="notice warn">{t('network.untrainedNote', { name: arch.name })}</p>}
      {shipped && accuracy && arch.id !== RESNET18.id && (
        <p className="notice trained-note">
          {t('trained.note', {
            name: arch.name,
            accuracy,
            images: Number(shipped['testImages'] ?? 0).toLocaleString(),
            size: shipped.inputSize,
          })}
        </p>
      )}
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
      {removed && (
        <p className="notice warn lesion-removed">
          {t('lesion.removedNote', { block: removed })}{' '}
          <button type="button" className="tool" onClick={() => update({ removed: '' })}>
            {t('lesion.putBack', { block: removed })}
          </button>
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
        {!asInBook && (
          <button
            type="button"
            className="tool as-in-book"
            onClick={() => setSpec({ kind: 'rand', seed: 0 }, NOTEBOOK_SIZE)}
          >
            {t('stepper.code.asInBook')}
          </button>
        )}
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
          {...(inputLine ? { inputLine } : {})}
          classNames={Array.from({ length: NUM_CLASSES }, (_, i) => className(i))}
        />
      ) : (
        <div className="stepper-waiting">{side}</div>
      )}
      <LessonRegion name="r18-lesion">
        <LesionPanel
          client={client}
          ready={status === 'ready'}
          arch={arch}
          source={source}
          backendName={backendName}
          requestedImages={state.lesionn}
          stepWithout={(block) => {
            update({ removed: block, step: `${block}.add` });
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }}
        />
      </LessonRegion>
      <VariantsTable size={size} current={arch.id} />
      <CostTable arch={arch} size={size} />
    </section>
  );
}

/** The code panel's `X = …` line for an input that is not the book's: real code for torch.rand, else a comment. */
function inputCodeLine(spec: InputSpec, size: number, t: TFunction): string {
  if (spec.kind === 'rand')
    return `X = torch.rand(size=(1, 1, ${size}, ${size}))${spec.seed ? `  # seed ${spec.seed}` : ''}`;
  const what =
    spec.kind === 'sample'
      ? t('stepper.code.sample', { id: spec.id })
      : t(spec.kind === 'draw' ? 'stepper.code.drawing' : 'stepper.code.upload');
  return t('stepper.code.inputHere', { what, size });
}
