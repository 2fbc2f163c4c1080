/** Each layer's gradient norm over time, one heatmap per network on one shared colour scale. */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RaceCurve, RaceCurves } from '../../explain/race/curves';
import { raceEntries, type RaceConfig, type RaceEntry } from '../../explain/race/setup';
import { drawGradientHeatmap, gradientColour, gradientLogRange } from '../../viz/gradientHeatmap';

function Heatmap(props: {
  readonly entry: RaceEntry;
  readonly curve: RaceCurve | undefined;
  readonly steps: number;
  readonly logRange: [number, number];
  readonly title: string;
}) {
  const ref = useRef<SVGSVGElement>(null);
  const { entry, curve, steps, logRange, title } = props;
  useEffect(() => {
    if (ref.current)
      drawGradientHeatmap(ref.current, {
        layers: entry.depth,
        probes: curve?.grads ?? [],
        totalSteps: steps,
        logRange,
      });
  }, [entry, curve, steps, logRange]);
  const last = curve?.grads.at(-1)?.norms;
  return (
    <figure className="race-heatmap">
      <figcaption>{title}</figcaption>
      <svg ref={ref} role="img" aria-label={title} data-probes={curve?.grads.length ?? 0} />
      {last && (
        <p className="race-heatmap-ends">
          {/* first and last layer's latest norm, the numbers behind the colours */}
          {last[0]!.toExponential(1)} → {last.at(-1)!.toExponential(1)}
        </p>
      )}
    </figure>
  );
}

export function RaceGradients({ config, curves }: { readonly config: RaceConfig; readonly curves: RaceCurves }) {
  const { t } = useTranslation();
  const entries = useMemo(() => raceEntries(config), [config]);
  const logRange = useMemo(
    () => gradientLogRange(Object.values(curves).flatMap((c) => c.grads.map((g) => g.norms))),
    [curves],
  );
  const [lo, hi] = logRange;
  return (
    <section aria-labelledby="race-grad-heading" className="race-gradients">
      <h3 id="race-grad-heading">{t('race.gradients.heading')}</h3>
      <p>{t('race.gradients.intro', { count: config.gradEvery })}</p>
      <div className="race-heatmaps">
        {entries.map((e) => (
          <Heatmap
            key={e.id}
            entry={e}
            curve={curves[e.id]}
            steps={config.steps}
            logRange={logRange}
            title={t('race.network', { family: t(`race.${e.spec.family}`), depth: e.depth })}
          />
        ))}
      </div>
      <p className="race-scale">
        <span>{t('race.gradients.small', { value: (10 ** lo).toExponential(1) })}</span>
        <span
          className="race-scale-bar"
          style={{
            background: `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((f) => gradientColour(10 ** (lo + f * (hi - lo)), logRange)).join(', ')})`,
          }}
        />
        <span>{t('race.gradients.large', { value: (10 ** hi).toExponential(1) })}</span>
      </p>
    </section>
  );
}
