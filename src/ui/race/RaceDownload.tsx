/** "Download the run": the race as JSON and as CSV (src/explain/race/export.ts). */
import { useTranslation } from 'react-i18next';
import { raceRunCsv, raceRunJson } from '../../explain/race/export';
import type { RaceSessionState } from '../../explain/race/session';

function save(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function RaceDownload({ state }: { readonly state: RaceSessionState }) {
  const { t } = useTranslation();
  if (!state.config || Object.keys(state.curves).length === 0) return null;
  const stamp = (state.startedAt ?? '').replace(/[:.]/g, '-').slice(0, 19);
  const name = `resnet-race-${state.backend ?? ''}-${stamp}`;
  return (
    <p className="race-download">
      <span>{t('race.download.label')}</span>{' '}
      <button
        type="button"
        className="secondary"
        onClick={() => save(raceRunJson(state, location.href), 'application/json', `${name}.json`)}
      >
        {t('race.download.json')}
      </button>{' '}
      <button
        type="button"
        className="secondary"
        onClick={() => save(raceRunCsv(state, location.href), 'text/csv', `${name}.csv`)}
      >
        {t('race.download.csv')}
      </button>{' '}
      <span className="hint">({t('race.download.note')})</span>
    </p>
  );
}
