import { useTranslation } from 'react-i18next';
import { ExperimentPanel } from '../functionClasses/ExperimentPanel';
import { FunctionClassesFigure } from '../functionClasses/FunctionClassesFigure';
import { LessonRegion } from '../lesson/LessonRegion';
import { nestedTex } from '../../explain/formulas';
import { CLASS_COUNT } from '../../explain/functionClasses/regions';
import { Formula } from '../Formula';
import type { PageProps } from './pageProps';

/** Chapter 1: the notebook's figure of nested and non-nested function classes, then the experiment that measures it. */
export function FunctionClassesPage({ state, update }: PageProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="fc-heading" className="chapter">
      <h2 id="fc-heading">{t('functionClasses.heading')}</h2>
      <p>{t('functionClasses.p1')}</p>
      <p>{t('functionClasses.p2')}</p>
      <Formula display tex={nestedTex(CLASS_COUNT)} label={t('formula.nested')} />
      <LessonRegion name="fc-figure">
        <FunctionClassesFigure
          step={state.fstep}
          onStep={(fstep) => update({ fstep: Math.min(6, Math.max(1, fstep)) })}
          truth={state.fstar}
          onTruth={(p) => update({ fstar: { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 } })}
        />
      </LessonRegion>
      <LessonRegion name="fc-experiment">
        <ExperimentPanel steps={state.fsteps} />
      </LessonRegion>
    </section>
  );
}
