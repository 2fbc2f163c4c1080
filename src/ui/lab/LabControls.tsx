/** The block's four arguments, X's shape, BatchNorm's mode, and one-click presets. */
import { useTranslation } from 'react-i18next';
import { LAB_PRESETS as PRESETS } from '../../explain/lab/presets';
import type { BlockArgs, BnMode, LabConfig } from '../../explain/lab/types';
import { NumberField } from './NumberField';

const sameConfig = (a: LabConfig, b: LabConfig) => JSON.stringify(a) === JSON.stringify(b);

interface Props {
  readonly config: LabConfig;
  readonly onChange: (c: LabConfig) => void;
}

export function LabControls({ config, onChange }: Props) {
  const { t } = useTranslation();
  const setArg = (patch: Partial<BlockArgs>) => onChange({ ...config, args: { ...config.args, ...patch } });
  const setDim = (i: number, v: number) =>
    onChange({ ...config, input: config.input.map((d, j) => (j === i ? v : d)) });
  const dims = ['dimN', 'dimC', 'dimH', 'dimW'] as const;
  return (
    <div className="lab-controls">
      <fieldset className="lab-presets">
        <legend>{t('residualBlock.lab.presets')}</legend>
        {PRESETS.map((p) => (
          <button
            key={p.key}
            type="button"
            aria-pressed={sameConfig(p.config, config)}
            onClick={() => onChange(p.config)}
          >
            {t(`residualBlock.lab.${p.key}`)}
          </button>
        ))}
      </fieldset>
      <fieldset className="lab-args">
        <legend>{t('residualBlock.lab.controls')}</legend>
        <NumberField
          label={t('residualBlock.lab.inputChannels')}
          value={config.args.inputChannels}
          onValue={(v) => setArg({ inputChannels: v })}
        />
        <NumberField
          label={t('residualBlock.lab.numChannels')}
          value={config.args.numChannels}
          onValue={(v) => setArg({ numChannels: v })}
        />
        <label className="lab-field lab-check">
          <input
            type="checkbox"
            checked={config.args.use1x1conv}
            onChange={(e) => setArg({ use1x1conv: e.target.checked })}
          />
          <span className="mono">{t('residualBlock.lab.use1x1conv')}</span>
        </label>
        <NumberField
          label={t('residualBlock.lab.strides')}
          value={config.args.strides}
          onValue={(v) => setArg({ strides: v })}
        />
      </fieldset>
      <fieldset className="lab-args">
        <legend>{t('residualBlock.lab.xShape')}</legend>
        {config.input.length === 4 ? (
          dims.map((d, i) => (
            <NumberField
              key={d}
              label={t(`residualBlock.lab.${d}`)}
              value={config.input[i] as number}
              onValue={(v) => setDim(i, v)}
            />
          ))
        ) : (
          <p className="notice">
            {t('residualBlock.lab.rankNote', { rank: config.input.length, count: config.input.length })}
          </p>
        )}
        <label className="lab-field">
          <span>{t('residualBlock.lab.mode')}</span>
          <select
            value={config.mode}
            aria-describedby="lab-mode-hint"
            onChange={(e) => onChange({ ...config, mode: e.target.value as BnMode })}
          >
            <option value="train">{t('residualBlock.lab.modeTrain')}</option>
            <option value="eval">{t('residualBlock.lab.modeEval')}</option>
          </select>
        </label>
        <small id="lab-mode-hint" className="muted lab-mode-hint">
          {t('residualBlock.lab.modeHint')}
        </small>
      </fieldset>
    </div>
  );
}
