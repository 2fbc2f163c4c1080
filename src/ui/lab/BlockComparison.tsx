/** The notebook's ResNet2.png and ResNet3.png: regular vs residual block, and the block with and without the 1×1 conv. */
import { useTranslation } from 'react-i18next';
import { RESIDUAL_TEX } from '../../explain/formulas';
import { Formula } from '../Formula';
import { BlockDiagram } from './BlockDiagram';

export function BlockComparison() {
  const { t } = useTranslation();
  const pair = (
    items: { variant: 'regular' | 'identity' | 'conv1x1'; caption: string; learner: string }[],
    heading: string,
    id: string,
  ) => (
    <section className="lab-compare" aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      <div className="two-col">
        {items.map((it) => (
          <figure key={it.variant} className="diagram-card">
            <BlockDiagram
              variant={it.variant}
              title={it.caption}
              learnerLabel={it.learner}
              box={52}
              download={{ title: it.caption }}
            />
            <figcaption>{it.caption}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
  return (
    <>
      {pair(
        [
          { variant: 'regular', caption: t('residualBlock.diagrams.regular'), learner: 'f(x)' },
          { variant: 'identity', caption: t('residualBlock.diagrams.residual'), learner: 'g(x) = f(x) − x' },
        ],
        t('residualBlock.diagrams.heading'),
        'lab-compare-1',
      )}
      <Formula display tex={RESIDUAL_TEX} label={t('formula.residual')} />
      {pair(
        [
          { variant: 'identity', caption: t('residualBlock.diagrams.without1x1'), learner: 'g(x)' },
          { variant: 'conv1x1', caption: t('residualBlock.diagrams.with1x1'), learner: 'g(x)' },
        ],
        t('residualBlock.diagrams.with1x1Heading'),
        'lab-compare-2',
      )}
    </>
  );
}
